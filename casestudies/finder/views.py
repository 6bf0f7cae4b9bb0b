"""The finder's pages, each called by a route of the case-study index with the page itself."""

from django.http import Http404, JsonResponse
from django.urls import reverse

from ..renderings import keyed_on, reuse_rendering
from .cards import result_cards
from .compare import compare
from .facets import FACETS_BY_PARAM
from .form import FINDER_PARAMS
from .matrix import evidence_matrices
from .search import CaseStudySearch, find_case_studies
from .suggestions import suggestions_for

# How many case studies a finder page found, for the search log (insights/middleware.py reads
# it, outside the response cache, and removes it).
RESULTS_HEADER = "X-Finder-Results"


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
        # Why each result matched by meaning (its closest passage) can change with the vectors alone.
        why = tuple(search.why_matched(pk) for pk in finding.result_pks)
        reused = reuse_rendering(request, (*finding.rendering_parts(), why))
        if reused is not None:
            return keyed_on(reused, FINDER_PARAMS)
    finding.cards = result_cards(search, finding)
    response = render(finding)
    response[RESULTS_HEADER] = str(finding.total)
    return keyed_on(not_stored_if_degraded(response, finding), FINDER_PARAMS)


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
            context_overrides={
                "finding": finding,
                "term": term,
                "term_kind": term._meta.verbose_name.capitalize(),
                "feed_url": reverse(f"{param}_feed", kwargs={"slug": term.slug}),
            },
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


def compare_page(index_page, request):
    """Two to four published case studies side by side (`?ids=1,2` or `?ids=1&ids=2`)."""
    response = index_page.render(
        request,
        template="casestudies/compare_page.html",
        context_overrides={"comparison": compare(index_page, request.GET)},
    )
    return keyed_on(response, ["ids"])
