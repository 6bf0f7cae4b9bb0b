"""Addresses outside the page tree that must keep working: the permanent links of citable
pages (`/cs/<id>/`, `/cs/<id>/v/<n>/`), the old download links (before the downloads became
routes of the case-study index) and a short, permanent entry to the finder."""

import json

from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from wagtail.models import Page

from ..addresses import MAX_PAGE_ID, READING_LIST_FORMATS
from ..interchange import export_document, export_queryset, write_csv
from ..models import CaseStudyIndexPage, CaseStudyPage, PublishedVersion, ReadingListPage, readable
from .citations import citation_file, cited_version, csl_record

# Page types with a permanent link. The id is the page's primary key, which the database never
# hands out twice; any other page type, a draft or a private page is the site's 404.
PERMANENT_PAGE_TYPES = (CaseStudyPage, ReadingListPage)


def citable_page(page_id):
    if page_id > MAX_PAGE_ID:
        raise Http404("No published page has this permanent link.")
    page = readable(Page.objects.all()).type(*PERMANENT_PAGE_TYPES).filter(pk=page_id).specific().first()
    if page is None:
        raise Http404("No published page has this permanent link.")
    return page


@require_safe
def permanent_link(request, page_id):
    """301 to the page's current address, wherever it has moved; the address is the page's own
    URL from the page tree, never anything taken from the request."""
    return HttpResponsePermanentRedirect(citable_page(page_id).get_url(request))


@require_safe
def permanent_version(request, page_id, number):
    """The page as published in version `number`, with a banner linking to the latest."""
    page = citable_page(page_id)
    if number > MAX_PAGE_ID:
        raise Http404("No such version.")
    version = get_object_or_404(PublishedVersion.objects.select_related("revision"), page_id=page.pk, number=number)
    as_published = version.revision.as_object()
    return as_published.serve_version(request, version)


def index_route_url(request, route=None):
    index_page = CaseStudyIndexPage.get_solo()
    if index_page is None or not index_page.live:
        raise Http404("There is no case-study index yet.")
    url = index_page.get_url(request) + (index_page.reverse_subpage(route) if route else "")
    query = request.META.get("QUERY_STRING", "")
    return url + ("?" + query if query else "")


@require_safe
def citation_download(request, page_id, extension, number=None):
    """/cs/<id>/cite.ris|bib|json (the latest) and /cs/<id>/v/<n>/cite.… (that version), served
    with their own media types."""
    page = citable_page(int(page_id))
    if not isinstance(page, CaseStudyPage):
        raise Http404("No citation file here: a reading list's downloads are at /cs/<id>/list.<format>.")
    number = int(number) if number is not None else None
    if number is not None and number > MAX_PAGE_ID:
        raise Http404("No such version.")
    cited = cited_version(page, number)
    if cited is None:
        raise Http404("No such published version.")
    text, media_type = citation_file(csl_record(cited, request), extension)
    response = HttpResponse(text, content_type=f"{media_type}; charset=utf-8")
    name = f"case-study-{page.pk}" + (f"-v{number}" if number else "")
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


@require_safe
def reading_list_download(request, page_id, extension):
    """A reading list's published case studies, in list order: RIS or BibTeX (one record each,
    for a reference manager), CSV or interchange JSON."""
    page = citable_page(int(page_id))
    if not isinstance(page, ReadingListPage):
        raise Http404("Not a reading list.")
    case_studies = page.published_case_studies()
    media_type = READING_LIST_FORMATS[extension]
    response = HttpResponse(content_type=f"{media_type}; charset=utf-8")
    if extension in ("ris", "bib"):
        for case_study in case_studies:
            cited = cited_version(case_study)
            if cited is None:
                continue
            text, _ = citation_file(csl_record(cited, request), extension)
            response.write(text + ("\n" if extension == "bib" else ""))
    else:
        order = {cs.pk: n for n, cs in enumerate(case_studies)}
        pages = sorted(export_queryset([cs.pk for cs in case_studies]), key=lambda p: order[p.pk])
        if extension == "json":
            response.write(json.dumps(export_document(pages), ensure_ascii=False, indent=2) + "\n")
        else:
            response.write("\ufeff")
            write_csv(pages, response)
    response["Content-Disposition"] = f'attachment; filename="reading-list-{page.pk}.{extension}"'
    return response


@require_safe
def legacy_download(request, file_format):
    """/case-studies/export.json and .csv, as published before: 301 to the download route."""
    return HttpResponsePermanentRedirect(index_route_url(request, f"download_{file_format}"))


@require_safe
def finder_entry(request):
    """/find/: the finder wherever the index page lives (used where no page can be looked up,
    such as the error page)."""
    return HttpResponseRedirect(index_route_url(request))
