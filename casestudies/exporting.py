from .interchange import SCHEMA_VERSION, canonical_record, rich_text_to_plain
from .models import CaseStudyPage


def story_blocks(page):
    blocks = []
    for block in page.story:
        if block.block_type == "heading":
            blocks.append({"type": "heading", "text": block.value["text"]})
        elif block.block_type == "paragraph":
            blocks.append({"type": "paragraph", "text": rich_text_to_plain(block.value.source)})
        elif block.block_type == "quote":
            blocks.append({"type": "quote", "quote": block.value["quote"], "attribution": block.value["attribution"]})
        elif block.block_type == "key_fact":
            blocks.append({"type": "key_fact", **{k: block.value[k] for k in ("figure", "label", "source")}})
        # Images are site media, not part of the interchange format.
    return blocks


def case_study_record(page):
    """The interchange record for one case study, as it stands in `page` (live or a draft)."""
    return canonical_record(
        {
            "external_id": page.external_id,
            "title": page.title,
            "summary": page.summary,
            "story": story_blocks(page),
            "partners": [
                {"name": p.organisation.name, "type": p.organisation.type, "role": p.role, "lead": p.is_lead}
                for p in page.partners.all()
            ],
            "success_features": [
                {"feature": fe.feature.slug, "evidence": fe.evidence} for fe in page.feature_evidence.all()
            ],
            "policy_levers": [t.slug for t in page.policy_levers.all()],
            "purposes": [t.slug for t in page.purposes.all()],
            "phases": [t.slug for t in page.phases.all()],
            "region": page.region.slug if page.region else None,
            "local_authority": page.local_authority,
            "start_year": page.start_year,
            "end_year": page.end_year,
            "status": page.status or None,
            "formality": page.formality or None,
            "funding_model": page.funding_model or None,
            "funding_note": page.funding_note,
            "evidence_type": page.evidence_type,
            "evidence_note": page.evidence_note,
            "impact_measures": [
                {"measure": m.measure, "baseline": m.baseline, "result": m.result, "source": m.source}
                for m in page.impact_measures.all()
            ],
            "barriers": [t.slug for t in page.barriers.all()],
            "barriers_note": page.barriers_note,
            "advice": page.advice,
            "sources": [
                {"title": s.title, "url": s.url, "publisher": s.publisher, "year": s.year}
                for s in page.sources.all()
            ],
            "last_reviewed": page.last_reviewed,
        }
    )


def published_case_studies():
    return (
        CaseStudyPage.objects.live()
        .public()
        .order_by("external_id")
        .select_related("region")
        .prefetch_related(
            "partners__organisation",
            "feature_evidence__feature",
            "policy_levers",
            "purposes",
            "phases",
            "barriers",
            "impact_measures",
            "sources",
        )
    )


def export_document(pages=None):
    pages = published_case_studies() if pages is None else pages
    return {"schema_version": SCHEMA_VERSION, "case_studies": [case_study_record(p) for p in pages]}
