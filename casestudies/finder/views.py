"""The finder's pages, each called by a route of the case-study index with the page itself."""

import json
import logging

from django.http import Http404, HttpResponse, JsonResponse

from evidencebank.serving.responsecache import keyed_on, reuse_rendering

from ..interchange import export_document, export_queryset, write_csv
from .cards import result_cards
from .compare import compare
from .facets import FACETS_BY_PARAM
from .form import FINDER_PARAMS
from .matrix import evidence_matrices
from .search import SEARCH_FAILURES, CaseStudySearch, find_case_studies, guarded, selected_pages
from .suggestions import suggestions_for

logger = logging.getLogger(__name__)


def not_stored_if_degraded(response, finding):
    """A page made while full-text search was failing is never kept by the response cache (it
    stores nothing marked no-store), so readers get full results as soon as search works."""
    if finding.full_text_failed:
        response["Cache-Control"] = "no-store"
    return response


def finder_response(request, search, render):
    """`render(finding)`, or the response rendered earlier from a finding with the same parts
    (the same counts and the same results at the same revisions) if one is kept; otherwise
    rendered with the results' cards, which are kept one by one (cards.py)."""
    finding = search.run(load=False)
    if not finding.full_text_failed:
        reused = reuse_rendering(request, finding.rendering_parts())
        if reused is not None:
            return keyed_on(reused, FINDER_PARAMS)
    finding.cards = result_cards(search, finding)
    return keyed_on(not_stored_if_degraded(render(finding), finding), FINDER_PARAMS)


def case_study_list(index_page, request):
    return finder_response(
        request,
        CaseStudySearch(index_page, request.GET),
        lambda finding: index_page.render(request, context_overrides={"finding": finding}),
    )


def landing_page(index_page, request, route, param, slug):
    """A feature or lever explained, with the case studies that show it and the other filters."""
    term = FACETS_BY_PARAM[param].term(slug)
    if term is None:
        raise Http404("No such term.")
    base_url = index_page.url + index_page.reverse_subpage(route, kwargs={"slug": term.slug})
    return finder_response(
        request,
        CaseStudySearch(index_page, request.GET, base_url=base_url, fixed={param: [term.slug]}),
        lambda finding: index_page.render(
            request,
            template="casestudies/landing_page.html",
            context_overrides={"finding": finding, "term": term, "term_kind": term._meta.verbose_name.capitalize()},
        ),
    )


def matrix_page(index_page, request):
    base_url = index_page.url + index_page.reverse_subpage("matrix")
    finding = find_case_studies(index_page, request.GET, base_url=base_url, with_results=False)
    response = index_page.render(
        request,
        template="casestudies/matrix_page.html",
        context_overrides={"finding": finding, "matrices": evidence_matrices(index_page, finding)},
    )
    return keyed_on(not_stored_if_degraded(response, finding), FINDER_PARAMS)


def suggestions(index_page, request):
    return keyed_on(JsonResponse(suggestions_for(index_page, request.GET.get("q", ""))), ["q"])


def download_response(selected, file_format):
    pages = export_queryset(selected.values("pk"))
    if file_format == "json":
        body = json.dumps(export_document(pages), ensure_ascii=False, indent=2) + "\n"
        return HttpResponse(body, content_type="application/json; charset=utf-8")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")  # a byte-order mark so spreadsheet programs read UTF-8
    write_csv(pages, response)
    return response


def download(index_page, request, file_format):
    """The published case studies the listing shows for these parameters, as interchange JSON
    or CSV, so a reader can take away exactly what they are looking at."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    try:
        with guarded():
            response = download_response(selected_pages(index_page, request.GET), file_format)
    except SEARCH_FAILURES:
        if not request.GET.get("q"):
            raise
        logger.exception("Full-text search failed in a download; matching titles and summaries instead")
        response = download_response(selected_pages(index_page, request.GET, full_text=False), file_format)
        response["Cache-Control"] = "no-store"
    response["Content-Disposition"] = f'attachment; filename="case-studies.{file_format}"'
    return keyed_on(response, FINDER_PARAMS)


def compare_page(index_page, request):
    """Two to four published case studies side by side (`?ids=1,2` or `?ids=1&ids=2`)."""
    response = index_page.render(
        request,
        template="casestudies/compare_page.html",
        context_overrides={"comparison": compare(index_page, request.GET)},
    )
    return keyed_on(response, ["ids"])
