"""The API's responses. Each serializer both builds its response from what the views find
(pages, the finder's `Finding`, facet views) and documents that shape in the OpenAPI document
(drf-spectacular), so the two cannot drift apart; schemathesis checks the served responses
against the document."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from casestudies.addresses import absolute_url, citation_file_url, permanent_url
from casestudies.interchange import case_study_story
from casestudies.models import PublishedVersion
from casestudies.reuse.citations import STYLES, cited_version, csl_record, format_citation

URL = serializers.URLField()


class IsoDateTimeField(serializers.DateTimeField):
    """The datetime as stored, in ISO 8601 with its own offset (`+00:00`)."""

    def to_representation(self, value):
        return value.isoformat()


class TermSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField(help_text="Case studies there would be with this value chosen (disjunctive).")
    selected = serializers.BooleanField()


class FacetSerializer(serializers.Serializer):
    legend = serializers.CharField()
    values = FacetValueSerializer(many=True, source="options")


class PartnerSerializer(serializers.Serializer):
    name = serializers.CharField(source="organisation.name")
    type = serializers.CharField(source="organisation.type")
    role = serializers.CharField(allow_blank=True)
    lead = serializers.BooleanField(source="is_lead")


class FeatureEvidenceSerializer(serializers.Serializer):
    slug = serializers.CharField(source="feature.slug")
    name = serializers.CharField(source="feature.name")
    evidence = serializers.CharField()


class LicenceSerializer(serializers.Serializer):
    name = serializers.CharField(source="short_name")
    url = serializers.URLField()


class AddressesSerializer(serializers.Serializer):
    # A citable page's id, title and three addresses: on the site, its permanent link, and in
    # the API (`api_view` names the API's detail view). (Comments, not docstrings, here: a
    # serializer's docstring is its description in the OpenAPI document.)
    api_view = None
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    permanent_link = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    @extend_schema_field(URL)
    def get_url(self, page):
        url = page.get_url(self.context["request"])
        return absolute_url(url, self.context["request"]) if url.startswith("/") else url

    @extend_schema_field(URL)
    def get_permanent_link(self, page):
        return permanent_url(page.pk, request=self.context["request"])

    @extend_schema_field(URL)
    def get_api_url(self, page):
        return absolute_url(reverse(self.api_view, kwargs={"page_id": page.pk}), self.context["request"])


class CaseStudySummarySerializer(AddressesSerializer):
    api_view = "api:case-study-detail"
    summary = serializers.CharField()
    evidence_type = serializers.IntegerField()
    status_as_reported = serializers.CharField(allow_blank=True)
    region = TermSerializer(allow_null=True)
    partners = serializers.SerializerMethodField()
    success_features = serializers.SerializerMethodField()
    licence = LicenceSerializer(source="licence_choice")

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_partners(self, page):
        return [p.organisation.name for p in page.partners.all()]

    @extend_schema_field(TermSerializer(many=True))
    def get_success_features(self, page):
        return [TermSerializer(fe.feature).data for fe in page.feature_evidence.all()]


class SearchMetaSerializer(serializers.Serializer):
    searched = serializers.CharField(
        allow_blank=True, help_text="the words searched: `q` as cleaned, or corrected for spelling"
    )
    corrected = serializers.BooleanField(help_text="a word no case study holds was corrected to a near word")
    relaxed = serializers.BooleanField(help_text="no case study holds all the words: these hold some of them")
    semantic = serializers.BooleanField(
        help_text="search by meaning contributed: case studies close in meaning to `q` joined those its words "
        "match (the two orders fused when sorted by relevance); false when none was close enough or it is off"
    )


class PageMetaSerializer(serializers.Serializer):
    # Of an object with `total`, `limit` and `offset`; the neighbouring pages keep the request's
    # other parameters.
    total_count = serializers.IntegerField(source="total")
    limit = serializers.IntegerField()
    offset = serializers.IntegerField()
    next = serializers.SerializerMethodField()
    previous = serializers.SerializerMethodField()

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_next(self, window):
        at = window.offset + window.limit
        return self.page_at(at, window.limit) if at < window.total else None

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_previous(self, window):
        return self.page_at(max(0, window.offset - window.limit), window.limit) if window.offset > 0 else None

    def page_at(self, offset, limit):
        request = self.context["request"]
        params = request.GET.copy()
        params["offset"], params["limit"] = str(offset), str(limit)
        return f"{absolute_url(request.path, request)}?{params.urlencode()}"


class ListingMetaSerializer(PageMetaSerializer):
    facets = serializers.SerializerMethodField()
    full_text_search = serializers.SerializerMethodField(
        help_text="false when the full-text search backend failed and `q` was matched in titles and summaries only"
    )
    search = SearchMetaSerializer(source="*")

    @extend_schema_field(serializers.DictField(child=FacetSerializer()))
    def get_facets(self, finding):
        return {view.param: FacetSerializer(view).data for view in finding.facets}

    @extend_schema_field(serializers.BooleanField())
    def get_full_text_search(self, finding):
        return not finding.full_text_failed


class CaseStudyListingSerializer(serializers.Serializer):
    # Of the finder's `Finding`.
    meta = ListingMetaSerializer(source="*")
    results = CaseStudySummarySerializer(many=True)


class ImpactMeasureSerializer(serializers.Serializer):
    measure = serializers.CharField()
    baseline = serializers.CharField(allow_blank=True)
    result = serializers.CharField(allow_blank=True)
    source = serializers.CharField(allow_blank=True)


class SourceSerializer(serializers.Serializer):
    title = serializers.CharField()
    authors = serializers.ListField(child=serializers.CharField(), source="author_names")
    url = serializers.CharField(allow_blank=True)
    publisher = serializers.CharField(allow_blank=True)
    year = serializers.IntegerField(allow_null=True)


class CitationFilesSerializer(serializers.Serializer):
    ris = serializers.URLField()
    bibtex = serializers.URLField()
    csl_json = serializers.URLField()


class CitationSerializer(serializers.Serializer):
    apa = serializers.CharField()
    harvard = serializers.CharField()
    files = CitationFilesSerializer()


class VersionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    published_at = IsoDateTimeField()
    summary = serializers.CharField(allow_blank=True)
    url = serializers.SerializerMethodField()

    @extend_schema_field(URL)
    def get_url(self, version):
        return permanent_url(version.page_id, version.number, self.context["request"])


class CaseStudyDetailSerializer(CaseStudySummarySerializer):
    story = serializers.SerializerMethodField(
        help_text="The story as the interchange format writes it (docs/interchange.md)."
    )
    partner_organisations = PartnerSerializer(many=True, source="partners.all")
    success_feature_evidence = FeatureEvidenceSerializer(many=True, source="feature_evidence.all")
    policy_levers = TermSerializer(many=True, source="policy_levers.all")
    purposes = TermSerializer(many=True, source="purposes.all")
    phases = TermSerializer(many=True, source="phases.all")
    barriers = TermSerializer(many=True, source="barriers.all")
    local_authority = serializers.CharField(allow_blank=True)
    start_year = serializers.IntegerField(allow_null=True)
    end_year = serializers.IntegerField(allow_null=True)
    reported_year = serializers.IntegerField(allow_null=True)
    status = serializers.CharField(allow_blank=True)
    formality = serializers.CharField(allow_blank=True)
    funding_model = serializers.CharField(allow_blank=True)
    funding_note = serializers.CharField(allow_blank=True)
    evidence_note = serializers.CharField(allow_blank=True)
    impact_measures = ImpactMeasureSerializer(many=True, source="impact_measures.all")
    barriers_note = serializers.CharField(allow_blank=True)
    advice = serializers.CharField(allow_blank=True)
    sources = SourceSerializer(many=True, source="sources.all")
    last_reviewed = serializers.DateField(allow_null=True)
    first_published = serializers.SerializerMethodField()
    last_updated = serializers.SerializerMethodField()
    version = serializers.SerializerMethodField()
    versions = serializers.SerializerMethodField()
    citation = serializers.SerializerMethodField()

    def published_versions(self, page):
        cache = self.context.setdefault("published_versions", {})
        if page.pk not in cache:
            cache[page.pk] = list(PublishedVersion.objects.filter(page_id=page.pk).order_by("number"))
        return cache[page.pk]

    @extend_schema_field(serializers.ListField(child=serializers.DictField()))
    def get_story(self, page):
        return case_study_story(page)

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_first_published(self, page):
        versions = self.published_versions(page)
        return versions[0].published_at.isoformat() if versions else None

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_last_updated(self, page):
        versions = self.published_versions(page)
        return versions[-1].published_at.isoformat() if versions else None

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_version(self, page):
        versions = self.published_versions(page)
        return versions[-1].number if versions else None

    @extend_schema_field(VersionSerializer(many=True))
    def get_versions(self, page):
        return VersionSerializer(self.published_versions(page), many=True, context=self.context).data

    @extend_schema_field(CitationSerializer(allow_null=True))
    def get_citation(self, page):
        cited = cited_version(page)
        if cited is None:
            return None
        request = self.context["request"]
        csl = csl_record(cited, request)
        citation = {key: format_citation(csl, key, output="text") for key, _, _ in STYLES}
        citation["files"] = {
            name: citation_file_url(page.pk, extension, request=request)
            for name, extension in (("ris", "ris"), ("bibtex", "bib"), ("csl_json", "json"))
        }
        return citation


class TaxonomySerializer(serializers.Serializer):
    # Of one of the finder's facet views.
    parameter = serializers.CharField(source="param", help_text="The listing's query parameter for this taxonomy.")
    legend = serializers.CharField()
    terms = serializers.SerializerMethodField()

    @extend_schema_field(TermSerializer(many=True))
    def get_terms(self, view):
        return [{"slug": option.value, "name": option.label} for option in view.options]


class TaxonomiesSerializer(serializers.Serializer):
    taxonomies = TaxonomySerializer(many=True, source="facets")


class ReadingListSummarySerializer(AddressesSerializer):
    # The context's `case_study_counts` holds each list's count of published case studies.
    api_view = "api:reading-list-detail"
    audience = serializers.CharField(help_text="Whom the list is for: a course and its module.")
    card_url = serializers.SerializerMethodField(help_text="The embeddable card (any site may frame it).")
    case_study_count = serializers.SerializerMethodField(help_text="How many of the list's case studies are published.")
    last_updated = IsoDateTimeField(source="last_published_at", allow_null=True)

    @extend_schema_field(URL)
    def get_card_url(self, page):
        return absolute_url(reverse("card", kwargs={"page_id": page.pk}), self.context["request"])

    @extend_schema_field(serializers.IntegerField())
    def get_case_study_count(self, page):
        return self.context["case_study_counts"][page.pk]


class ReadingListListingSerializer(serializers.Serializer):
    # Of an object with the listing's `total`, `limit`, `offset` and `results`.
    meta = PageMetaSerializer(source="*")
    results = ReadingListSummarySerializer(many=True)


class ReadingListItemSerializer(serializers.Serializer):
    position = serializers.IntegerField(help_text="1 for the first case study to read.")
    available = serializers.BooleanField(help_text="False when the case study is no longer published.")
    case_study = CaseStudySummarySerializer(
        allow_null=True, help_text="Null when the case study is no longer published: it is not shown."
    )
    note = serializers.CharField(allow_blank=True, help_text="Why read it (blank when not available).")
    discussion_questions = serializers.ListField(child=serializers.CharField())


class ReadingListDownloadsSerializer(serializers.Serializer):
    ris = serializers.URLField()
    bibtex = serializers.URLField()
    csv = serializers.URLField()
    json = serializers.URLField(help_text="The interchange format (docs/interchange.md).")


class ReadingListDetailSerializer(ReadingListSummarySerializer):
    introduction = serializers.CharField(allow_blank=True)
    downloads = serializers.SerializerMethodField()
    items = serializers.SerializerMethodField()

    def entries(self, page):
        cache = self.context.setdefault("entries", {})
        if page.pk not in cache:
            cache[page.pk] = page.entries()
        return cache[page.pk]

    @extend_schema_field(serializers.IntegerField())
    def get_case_study_count(self, page):
        return sum(1 for _, case_study in self.entries(page) if case_study is not None)

    @extend_schema_field(ReadingListDownloadsSerializer)
    def get_downloads(self, page):
        return {
            name: absolute_url(
                reverse("reading_list_download", kwargs={"page_id": page.pk, "extension": extension}),
                self.context["request"],
            )
            for name, extension in (("ris", "ris"), ("bibtex", "bib"), ("csv", "csv"), ("json", "json"))
        }

    @extend_schema_field(ReadingListItemSerializer(many=True))
    def get_items(self, page):
        """A case study that is no longer published (a draft, private, unpublished or deleted
        page) is `null`, and so are its note and questions: they are about that case study, and
        it must not show through them."""
        items = [
            {
                "position": position,
                "available": case_study is not None,
                "case_study": case_study,
                "note": item.note if case_study is not None else "",
                "discussion_questions": item.questions if case_study is not None else [],
            }
            for position, (item, case_study) in enumerate(self.entries(page), start=1)
        ]
        return ReadingListItemSerializer(items, many=True, context=self.context).data


class ProblemErrorSerializer(serializers.Serializer):
    name = serializers.CharField()
    reason = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details: every error the API gives."""

    # Documents what `problem_details.py` writes.

    type = serializers.CharField(help_text="A URI naming the kind of problem; `about:blank` means the status says it.")
    title = serializers.CharField(help_text="The HTTP status's phrase, or a short summary of the problem.")
    status = serializers.IntegerField(min_value=400, max_value=599)
    detail = serializers.CharField(help_text="What went wrong, for a person to read.")
    instance = serializers.CharField(required=False, help_text="The path that was asked for.")
    errors = ProblemErrorSerializer(many=True, required=False, help_text="Each query parameter at fault (400).")
