"""Writing case studies out in the interchange format: JSON documents and CSV."""

import csv
import re

from ..models.case_study import CaseStudyPage
from .format import SCHEMA_VERSION, canonical_record, canonical_story, rich_text_to_plain


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


def case_study_story(page):
    """The story as the interchange format writes it."""
    return canonical_story(story_blocks(page))


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
            "reported_year": page.reported_year,
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
                {"title": s.title, "authors": s.author_names, "url": s.url, "publisher": s.publisher, "year": s.year}
                for s in page.sources.all()
            ],
            "last_reviewed": page.last_reviewed,
        }
    )


def export_queryset(pks=None):
    """Published case studies (those among `pks`, if given) in external-ID order, with what a
    record needs prefetched."""
    pages = CaseStudyPage.objects.published()
    if pks is not None:
        pages = pages.filter(pk__in=pks)
    return (
        pages.order_by("external_id")
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
    """The interchange document for `pages` (default: every published case study).

    Each record says `"publish": true` because only published case studies are exported, so a
    trusted import (`import_casestudies --publish`) of the file republishes them.
    """
    pages = export_queryset() if pages is None else pages
    return {
        "schema_version": SCHEMA_VERSION,
        "case_studies": [{**case_study_record(p), "publish": True} for p in pages],
    }


# -- CSV: one row per case study, multi-valued fields joined with "; " ------------------------

CSV_SEPARATOR = "; "
CSV_COLUMNS = [
    ("external_id", lambda r: r["external_id"]),
    ("title", lambda r: r["title"]),
    ("summary", lambda r: r["summary"]),
    ("body", lambda r: r["body"]),
    ("partners", lambda r: [p["name"] for p in r["partners"]]),
    ("partner_types", lambda r: [p["type"] for p in r["partners"]]),
    ("partner_roles", lambda r: [p["role"] for p in r["partners"]]),
    ("lead_partners", lambda r: [p["name"] for p in r["partners"] if p["lead"]]),
    ("success_features", lambda r: [f["feature"] for f in r["success_features"]]),
    ("success_feature_evidence", lambda r: [f"{f['feature']}: {f['evidence']}" for f in r["success_features"]]),
    ("policy_levers", lambda r: r["policy_levers"]),
    ("purposes", lambda r: r["purposes"]),
    ("phases", lambda r: r["phases"]),
    ("region", lambda r: r["region"]),
    ("local_authority", lambda r: r["local_authority"]),
    ("start_year", lambda r: r["start_year"]),
    ("end_year", lambda r: r["end_year"]),
    ("status", lambda r: r["status"]),
    ("reported_year", lambda r: r.get("reported_year")),
    ("formality", lambda r: r["formality"]),
    ("funding_model", lambda r: r["funding_model"]),
    ("funding_note", lambda r: r["funding_note"]),
    ("evidence_type", lambda r: r["evidence_type"]),
    ("evidence_note", lambda r: r["evidence_note"]),
    ("impact_measures", lambda r: [impact_text(m) for m in r["impact_measures"]]),
    ("barriers", lambda r: r["barriers"]),
    ("barriers_note", lambda r: r["barriers_note"]),
    ("advice", lambda r: r["advice"]),
    ("sources", lambda r: [s["url"] or s["title"] for s in r["sources"]]),
    ("source_credits", lambda r: [source_credit(s) for s in r["sources"]]),
    ("last_reviewed", lambda r: r["last_reviewed"]),
]


def source_credit(source):
    """One source as a reference: 'Vainker, Ed and Slavinsky, Michael (2024) University-schools
    collaboration. UPP Foundation.' Authors are joined with 'and' because '; ' separates sources."""
    parts = []
    if source.get("authors"):
        parts.append(" and ".join(source["authors"]))
    if source["year"]:
        parts.append(f"({source['year']})")
    parts.append(source["title"] + ".")
    if source["publisher"]:
        parts.append(source["publisher"] + ".")
    return " ".join(parts)


def impact_text(measure):
    figures = " → ".join(v for v in (measure["baseline"], measure["result"]) if v)
    return f"{measure['measure']} ({figures})" if figures else measure["measure"]


FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
LEADING_BLANKS = re.compile(r"^[\s\x00-\x1f\x7f\u200b-\u200d\u2060\ufeff]+")


def spreadsheet_safe(value):
    """Text as a spreadsheet will show it, never as a formula (CSV injection, OWASP)."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = CSV_SEPARATOR.join(str(v) for v in value)
    value = str(value)
    # A spreadsheet skips leading spaces, line feeds and other blanks before reading `=`, so the
    # character that counts is the first one after them; a leading tab, CR or LF is itself a
    # trigger in some programs. Full-width forms are read as their ASCII twins by some too.
    first = LEADING_BLANKS.sub("", value)[:1]
    if value[:1] in ("\t", "\r", "\n") or first in FORMULA_STARTS:
        return "'" + value
    return value


def csv_header():
    return [name for name, _ in CSV_COLUMNS]


def csv_row(record):
    return [spreadsheet_safe(get(record)) for _, get in CSV_COLUMNS]


def write_csv(pages, out):
    writer = csv.writer(out)
    writer.writerow(csv_header())
    for page in pages:
        writer.writerow(csv_row(case_study_record(page)))
