"""Public downloads of the published case studies: interchange JSON and CSV.

Both accept the case-study listing's filters, so a reader can export what they are looking at.
"""

import json

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from .exporting import export_document, published_case_studies, write_csv
from .models import CaseStudyIndexPage, SynonymGroup
from .search import CaseStudySearch


def pages_for_export(querydict):
    """The published case studies the listing shows for these parameters, through the
    listing's own search module, so a download always holds what the reader is looking at."""
    index_page = CaseStudyIndexPage.objects.live().first()
    if index_page is None:
        return published_case_studies().none()
    matching = CaseStudySearch(index_page, querydict, synonyms=SynonymGroup.term_lists()).pages().values("pk")
    return published_case_studies().filter(pk__in=matching)


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
