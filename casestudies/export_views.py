"""Public downloads of the published case studies: interchange JSON and CSV.

Both accept the case-study listing's filters, so a reader can export what they are looking at.
"""

import json
import re

from django.db.models import Q
from django.http import HttpResponse
from django.views.decorators.http import require_safe

from .exporting import export_document, published_case_studies, write_csv
from .interchange import CANONICAL_SLUGS, EVIDENCE_TYPES
from .models import CaseStudyPage

# URL parameter → (lookup on CaseStudyPage, allowed values). OR within a facet, AND across.
SLUG_FACETS = {
    "feature": ("feature_evidence__feature__slug", CANONICAL_SLUGS["success_features"]),
    "lever": ("policy_levers__slug", CANONICAL_SLUGS["policy_levers"]),
    "purpose": ("purposes__slug", CANONICAL_SLUGS["purposes"]),
    "phase": ("phases__slug", CANONICAL_SLUGS["phases"]),
    "region": ("region__slug", CANONICAL_SLUGS["region"]),
    "partner_type": ("partners__organisation__type", CANONICAL_SLUGS["partner_type"]),
    "status": ("status", CANONICAL_SLUGS["status"]),
    "evidence_type": ("evidence_type", [str(t) for t in EVIDENCE_TYPES]),
    "formality": ("formality", CANONICAL_SLUGS["formality"]),
    "funding_model": ("funding_model", CANONICAL_SLUGS["funding_model"]),
    "barrier": ("barriers__slug", CANONICAL_SLUGS["barriers"]),
}
MAX_QUERY_LENGTH = 200


def pages_for_export(querydict):
    """The published case studies matching the listing's filters; unknown values are ignored.

    The one seam between the downloads and the listing's search module: point this at the
    shared search when it exists, so the export always matches what the listing shows.
    """
    pages = published_case_studies()
    for param, (lookup, allowed) in SLUG_FACETS.items():
        values = [v for v in querydict.getlist(param) if v in allowed]
        if values:
            pages = pages.filter(pk__in=CaseStudyPage.objects.filter(**{f"{lookup}__in": values}).values("pk"))
    from_year, to_year = year_param(querydict, "from_year"), year_param(querydict, "to_year")
    if from_year is not None:  # still running in or after from_year; undated case studies drop out
        pages = pages.filter(Q(end_year__gte=from_year) | Q(end_year__isnull=True, start_year__isnull=False))
    if to_year is not None:
        pages = pages.filter(start_year__lte=to_year)
    # Words only: punctuation means nothing to the search and is query syntax to SQLite FTS5.
    query = " ".join(re.findall(r"\w+", querydict.get("q", "")[:MAX_QUERY_LENGTH]))
    if query:
        matches = CaseStudyPage.objects.live().public().search(query, operator="and")
        pages = pages.filter(pk__in=[page.pk for page in matches])
    return pages


def year_param(querydict, name):
    value = querydict.get(name, "").strip()
    return int(value) if value.isdigit() and len(value) == 4 else None


def attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def export_json(request):
    document = export_document(pages_for_export(request.GET))
    body = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return attachment(HttpResponse(body, content_type="application/json; charset=utf-8"), "case-studies.json")


@require_safe
def export_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    # A byte-order mark so spreadsheet programs read the file as UTF-8.
    response.write("\ufeff")
    write_csv(pages_for_export(request.GET), response)
    return attachment(response, "case-studies.csv")
