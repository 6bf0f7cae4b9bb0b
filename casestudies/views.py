"""Addresses outside the page tree that must keep working: the old download links (before the
downloads became routes of the case-study index) and a short, permanent entry to the finder."""

from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.views.decorators.http import require_safe

from .models import CaseStudyIndexPage


def index_route_url(request, route=None):
    index_page = CaseStudyIndexPage.get_solo()
    if index_page is None or not index_page.live:
        raise Http404("There is no case-study index yet.")
    url = index_page.get_url(request) + (index_page.reverse_subpage(route) if route else "")
    query = request.META.get("QUERY_STRING", "")
    return url + ("?" + query if query else "")


@require_safe
def legacy_download(request, file_format):
    """/case-studies/export.json and .csv, as published before: 301 to the download route."""
    return HttpResponsePermanentRedirect(index_route_url(request, f"download_{file_format}"))


@require_safe
def finder_entry(request):
    """/find/: the finder wherever the index page lives (used where no page can be looked up,
    such as the error page)."""
    return HttpResponseRedirect(index_route_url(request))
