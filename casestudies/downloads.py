"""Downloads of what the listing shows (`download/json/`, `download/csv/`, routes of the
case-study index): the finder selects the published case studies for the listing's parameters,
the interchange format writes them."""

import logging

from django.http import HttpResponse

from .finder.form import FINDER_PARAMS
from .finder.matches import guarded
from .finder.search import selected_pages
from .finder.selection import SEARCH_FAILURES
from .interchange import export_response
from .renderings import keyed_on

logger = logging.getLogger(__name__)


def download(index_page, request, file_format):
    """The published case studies the listing shows for these parameters, as interchange JSON
    or CSV, so a reader can take away exactly what they are looking at."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    try:
        with guarded():
            response = export_response(selected_pages(index_page, request.GET), file_format)
    except SEARCH_FAILURES:
        if not request.GET.get("q"):
            raise
        logger.exception("Full-text search failed in a download; matching titles and summaries instead")
        response = export_response(selected_pages(index_page, request.GET, full_text=False), file_format)
        response["Cache-Control"] = "no-store"
    return keyed_on(response, FINDER_PARAMS)
