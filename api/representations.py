"""Case studies and facets as the API's JSON (shapes in `serializers.py`)."""

from django.urls import reverse

from casestudies.addresses import absolute_url, citation_file_url, permanent_url
from casestudies.interchange import case_study_record
from casestudies.models import PublishedVersion
from casestudies.reuse.citations import STYLES, cited_version, csl_record, format_citation


def term(t):
    return {"slug": t.slug, "name": t.name} if t is not None else None


def case_study_summary(page, request):
    return {
        "id": page.pk,
        "title": page.title,
        "summary": page.summary,
        **addresses(page, request, "api:case-study-detail"),
        "evidence_type": page.evidence_type,
        "status_as_reported": page.status_as_reported,
        "region": term(page.region),
        "partners": [p.organisation.name for p in page.partners.all()],
        "success_features": [term(fe.feature) for fe in page.feature_evidence.all()],
        "licence": {"name": page.licence_choice.short_name, "url": page.licence_choice.url},
    }


def addresses(page, request, api_view):
    """A citable page's three addresses: on the site, its permanent link, and in the API."""
    return {
        "url": page_url(page, request),
        "permanent_link": permanent_url(page.pk, request=request),
        "api_url": absolute_url(reverse(api_view, kwargs={"page_id": page.pk}), request),
    }


def page_url(page, request):
    """The page's public address on the configured site (a path from the page tree)."""
    url = page.get_url(request)
    if url.startswith("/"):
        return absolute_url(url, request)
    return url


def facets(facet_views):
    return {
        view.param: {
            "legend": view.legend,
            "values": [
                {"value": o.value, "label": o.label, "count": o.count, "selected": o.selected} for o in view.options
            ],
        }
        for view in facet_views
    }


def case_study_detail(page, request):
    data = case_study_summary(page, request)
    record = case_study_record(page)
    versions = list(PublishedVersion.objects.filter(page_id=page.pk).order_by("number"))
    cited = cited_version(page)
    citation = None
    if cited is not None:
        csl = csl_record(cited, request)
        citation = {key: format_citation(csl, key, output="text") for key, _, _ in STYLES}
        citation["files"] = {
            "ris": citation_file_url(page.pk, "ris", request=request),
            "bibtex": citation_file_url(page.pk, "bib", request=request),
            "csl_json": citation_file_url(page.pk, "json", request=request),
        }
    data.update(
        {
            "story": record["story"],
            "partner_organisations": [
                {"name": p["name"], "type": p["type"], "role": p.get("role", ""), "lead": bool(p.get("lead"))}
                for p in record["partners"]
            ],
            "success_feature_evidence": [
                {"slug": fe.feature.slug, "name": fe.feature.name, "evidence": fe.evidence}
                for fe in page.feature_evidence.all()
            ],
            "policy_levers": [term(t) for t in page.policy_levers.all()],
            "purposes": [term(t) for t in page.purposes.all()],
            "phases": [term(t) for t in page.phases.all()],
            "barriers": [term(t) for t in page.barriers.all()],
            "local_authority": page.local_authority,
            "start_year": page.start_year,
            "end_year": page.end_year,
            "reported_year": page.reported_year,
            "status": page.status,
            "formality": page.formality,
            "funding_model": page.funding_model,
            "funding_note": page.funding_note,
            "evidence_note": page.evidence_note,
            "impact_measures": [
                {"measure": m.measure, "baseline": m.baseline, "result": m.result, "source": m.source}
                for m in page.impact_measures.all()
            ],
            "barriers_note": page.barriers_note,
            "advice": page.advice,
            "sources": [
                {"title": s.title, "authors": s.author_names, "url": s.url, "publisher": s.publisher, "year": s.year}
                for s in page.sources.all()
            ],
            "last_reviewed": page.last_reviewed.isoformat() if page.last_reviewed else None,
            "first_published": versions[0].published_at.isoformat() if versions else None,
            "last_updated": versions[-1].published_at.isoformat() if versions else None,
            "version": versions[-1].number if versions else None,
            "versions": [
                {
                    "number": v.number,
                    "published_at": v.published_at.isoformat(),
                    "summary": v.summary,
                    "url": permanent_url(page.pk, v.number, request),
                }
                for v in versions
            ],
            "citation": citation,
        }
    )
    return data


def reading_list_summary(page, request, case_study_count):
    return {
        "id": page.pk,
        "title": page.title,
        "audience": page.audience,
        **addresses(page, request, "api:reading-list-detail"),
        "card_url": absolute_url(reverse("card", kwargs={"page_id": page.pk}), request),
        "case_study_count": case_study_count,
        "last_updated": page.last_published_at.isoformat() if page.last_published_at else None,
    }


def reading_list_item(position, item, case_study, request):
    """One entry of a list. A case study that is no longer published (a draft, private,
    unpublished or deleted page) is `null`, and so are its note and questions: they are about
    that case study, and it must not show through them."""
    if case_study is None:
        return {"position": position, "available": False, "case_study": None, "note": "", "discussion_questions": []}
    return {
        "position": position,
        "available": True,
        "case_study": case_study_summary(case_study, request),
        "note": item.note,
        "discussion_questions": item.questions,
    }


def reading_list_detail(page, request):
    entries = page.entries()
    data = reading_list_summary(page, request, sum(1 for _, case_study in entries if case_study is not None))
    downloads = {
        name: absolute_url(
            reverse("reading_list_download", kwargs={"page_id": page.pk, "extension": extension}), request
        )
        for name, extension in (("ris", "ris"), ("bibtex", "bib"), ("csv", "csv"), ("json", "json"))
    }
    data.update(
        {
            "introduction": page.introduction,
            "downloads": downloads,
            "items": [
                reading_list_item(position, item, case_study, request)
                for position, (item, case_study) in enumerate(entries, start=1)
            ],
        }
    )
    return data
