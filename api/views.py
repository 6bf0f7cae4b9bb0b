"""The open, read-only API (`/api/v1/`): Django REST framework views over the finder, with the
HTML listing's parameters, order and disjunctive counts. Every response carries an ETag and
Last-Modified from the findable-content token and answers If-None-Match with 304; errors are
RFC 9457 problem details."""

import hashlib
from types import SimpleNamespace

from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import condition
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from casestudies.addresses import MAX_PAGE_ID, absolute_url
from casestudies.finder import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_OFFSET,
    facet_parameters,
    find_for_api,
    parameter_errors,
    reading_lists_covering,
    sort_orders,
)
from casestudies.models import CaseStudyIndexPage, CaseStudyPage, FindableVersion, ReadingListPage
from casestudies.rules import EARLIEST_YEAR, latest_year

from . import serializers
from .problems import bad_parameters, problem

API_VERSION = "1"
PROBLEM = OpenApiResponse(serializers.ProblemSerializer, description="Problem details (RFC 9457).")


class ApiView(APIView):
    """JSON is the one representation; an Accept that excludes it is answered 406, so every
    answer varies on Accept."""

    @property
    def default_response_headers(self):
        return {**super().default_response_headers, "Vary": "Accept"}


def _version(request):
    if not hasattr(request, "_findable_version"):
        request._findable_version = FindableVersion.current_with_time()
    return request._findable_version


def etag(request, *args, **kwargs):
    token, _ = _version(request)
    return hashlib.sha256(f"{API_VERSION}|{token}|{request.get_full_path()}".encode()).hexdigest()[:32]


def last_modified(request, *args, **kwargs):
    return _version(request)[1]


conditional = method_decorator(condition(etag_func=etag, last_modified_func=last_modified), name="get")


def index_page():
    page = CaseStudyIndexPage.get_solo()
    if page is None or not page.live:
        raise Http404("There is no case-study index yet.")
    return page


YEAR = {"type": "integer", "minimum": EARLIEST_YEAR, "maximum": latest_year()}
LISTING_PARAMETERS = [
    OpenApiParameter(
        "q",
        {"type": "string", "maxLength": 1000},
        description="Search words. All must match; when no case study holds them all, those holding some "
        "of them, most first (`meta.search.relaxed`). A word no case study holds is corrected to a "
        "near word of the bank's (`meta.search.corrected`). Case studies close in meaning to the words "
        "join those they match (`meta.search.semantic`).",
    ),
    OpenApiParameter(
        "exact", {"type": "boolean", "default": False}, description="Search the words as typed, never corrected."
    ),
    *[
        OpenApiParameter(
            param,
            {"type": "array", "items": {"type": "string", "enum": values}},
            style="form",
            explode=True,
            description=f"{legend} (repeat for any of several)",
        )
        for param, legend, values in facet_parameters()
    ],
    OpenApiParameter("from_year", YEAR, description="Case studies running at any time from this year."),
    OpenApiParameter("to_year", YEAR, description="Case studies running at any time until this year."),
    OpenApiParameter("sort", {"type": "string", "enum": sort_orders()}),
    OpenApiParameter("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}),
    OpenApiParameter("offset", {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0}),
]


@conditional
class ApiRoot(ApiView):
    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        summary="Links to the API's collections",
        operation_id="api_root",
    )
    def get(self, request):
        return Response(
            {
                name: absolute_url(reverse(f"api:{name}"), request)
                for name in ("case-study-list", "reading-list-list", "taxonomy-list", "schema")
            }
        )


@conditional
class CaseStudyList(ApiView):
    @extend_schema(
        parameters=LISTING_PARAMETERS,
        responses={200: serializers.CaseStudyListingSerializer, 400: PROBLEM, 404: PROBLEM},
        summary="Published case studies: the finder's selection, order and facet counts",
        operation_id="case_studies_list",
    )
    def get(self, request):
        errors = parameter_errors(request.GET)
        if errors:
            return bad_parameters(errors, request)
        finding = find_for_api(index_page(), request.GET)
        response = Response(serializers.CaseStudyListingSerializer(finding, context={"request": request}).data)
        if finding.full_text_failed:
            response["Cache-Control"] = "no-store"  # never kept by the response cache
        return response


def detail(request, pages, page_id, noun, serializer):
    """One published page of `pages` by its id (a 404 naming the noun when there is none)."""
    page = pages.filter(pk=page_id).first() if page_id <= MAX_PAGE_ID else None
    if page is None:
        return problem(404, "Not Found", f"No published {noun} has this id.", request=request)
    return Response(serializer(page, context={"request": request}).data)


def page_id_parameter(noun):
    """The path's page id, as the permanent links number pages."""
    return OpenApiParameter(
        "page_id",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_ID},
        location=OpenApiParameter.PATH,
        description=f"The {noun}'s id, as in its permanent link /cs/<id>/.",
    )


@conditional
class CaseStudyDetail(ApiView):
    @extend_schema(
        parameters=[
            page_id_parameter("case study"),
        ],
        responses={200: serializers.CaseStudyDetailSerializer, 404: PROBLEM},
        summary="One published case study, with its citation and versions",
        operation_id="case_studies_detail",
    )
    def get(self, request, page_id):
        pages = CaseStudyPage.objects.child_of(index_page()).published().select_related("region")
        return detail(request, pages, page_id, "case study", serializers.CaseStudyDetailSerializer)


@conditional
class TaxonomyList(ApiView):
    @extend_schema(
        responses={200: serializers.TaxonomiesSerializer, 404: PROBLEM},
        summary="Every facet and its values",
        operation_id="taxonomies_list",
    )
    def get(self, request):
        finding = find_for_api(index_page(), QueryDict(""))  # labels as editors have worded them
        return Response(serializers.TaxonomiesSerializer(finding).data)


FEATURE_VALUES = next(values for param, _, values in facet_parameters() if param == "feature")
READING_LIST_PARAMETERS = [
    OpenApiParameter(
        "feature",
        {"type": "array", "items": {"type": "string", "enum": FEATURE_VALUES}},
        style="form",
        explode=True,
        description="Only lists with a published case study showing this success feature (repeat for any of several).",
    ),
    OpenApiParameter("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}),
    OpenApiParameter("offset", {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0}),
]


def reading_list_parameter_errors(params):
    """The listing's own checks on `feature`, `limit` and `offset` (nothing else is read)."""
    checked = QueryDict(mutable=True)
    for name in ("feature", "limit", "offset"):
        checked.setlist(name, params.getlist(name))
    return parameter_errors(checked)


@conditional
class ReadingListList(ApiView):
    @extend_schema(
        parameters=READING_LIST_PARAMETERS,
        responses={200: serializers.ReadingListListingSerializer, 400: PROBLEM},
        summary="Published reading lists for courses, by title",
        operation_id="reading_lists_list",
    )
    def get(self, request):
        errors = reading_list_parameter_errors(request.GET)
        if errors:
            return bad_parameters(errors, request)
        limit = int(request.GET.get("limit") or DEFAULT_LIMIT)
        offset = int(request.GET.get("offset") or 0)
        lists = ReadingListPage.published_lists().order_by("title", "pk")
        features = request.GET.getlist("feature")
        if features:
            index = CaseStudyIndexPage.get_solo()
            covering = reading_lists_covering(index, features) if index is not None and index.live else set()
            lists = lists.filter(pk__in=covering)
        listing = SimpleNamespace(total=lists.count(), limit=limit, offset=offset)
        listing.results = list(lists[offset : offset + limit])
        context = {"request": request, "case_study_counts": ReadingListPage.published_item_counts(listing.results)}
        return Response(serializers.ReadingListListingSerializer(listing, context=context).data)


@conditional
class ReadingListDetail(ApiView):
    @extend_schema(
        parameters=[
            page_id_parameter("reading list"),
        ],
        responses={200: serializers.ReadingListDetailSerializer, 404: PROBLEM},
        summary="One published reading list: its case studies in reading order, with notes and questions",
        operation_id="reading_lists_detail",
    )
    def get(self, request, page_id):
        return detail(
            request, ReadingListPage.published_lists(), page_id, "reading list", serializers.ReadingListDetailSerializer
        )
