"""The shapes of the API's responses, for the OpenAPI document (drf-spectacular). The views
build plain dicts in `representations.py`; schemathesis checks they match these."""

from rest_framework import serializers


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
    values = FacetValueSerializer(many=True)


class PartnerSerializer(serializers.Serializer):
    name = serializers.CharField()
    type = serializers.CharField()
    role = serializers.CharField(allow_blank=True)
    lead = serializers.BooleanField()


class FeatureEvidenceSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    evidence = serializers.CharField()


class LicenceSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.URLField()


class CaseStudySummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.URLField()
    permanent_link = serializers.URLField()
    api_url = serializers.URLField()
    evidence_type = serializers.IntegerField()
    status_as_reported = serializers.CharField(allow_blank=True)
    region = TermSerializer(allow_null=True)
    partners = serializers.ListField(child=serializers.CharField())
    success_features = TermSerializer(many=True)
    licence = LicenceSerializer()


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
    total_count = serializers.IntegerField()
    limit = serializers.IntegerField()
    offset = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)


class ListingMetaSerializer(PageMetaSerializer):
    facets = serializers.DictField(child=FacetSerializer())
    full_text_search = serializers.BooleanField(
        help_text="false when the full-text search backend failed and `q` was matched in titles and summaries only"
    )
    search = SearchMetaSerializer()


class CaseStudyListingSerializer(serializers.Serializer):
    meta = ListingMetaSerializer()
    results = CaseStudySummarySerializer(many=True)


class ImpactMeasureSerializer(serializers.Serializer):
    measure = serializers.CharField()
    baseline = serializers.CharField(allow_blank=True)
    result = serializers.CharField(allow_blank=True)
    source = serializers.CharField(allow_blank=True)


class SourceSerializer(serializers.Serializer):
    title = serializers.CharField()
    authors = serializers.ListField(child=serializers.CharField())
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
    published_at = serializers.DateTimeField()
    summary = serializers.CharField(allow_blank=True)
    url = serializers.URLField()


class CaseStudyDetailSerializer(CaseStudySummarySerializer):
    story = serializers.ListField(
        child=serializers.DictField(), help_text="The story as the interchange format writes it (docs/interchange.md)."
    )
    partner_organisations = PartnerSerializer(many=True)
    success_feature_evidence = FeatureEvidenceSerializer(many=True)
    policy_levers = TermSerializer(many=True)
    purposes = TermSerializer(many=True)
    phases = TermSerializer(many=True)
    barriers = TermSerializer(many=True)
    local_authority = serializers.CharField(allow_blank=True)
    start_year = serializers.IntegerField(allow_null=True)
    end_year = serializers.IntegerField(allow_null=True)
    reported_year = serializers.IntegerField(allow_null=True)
    status = serializers.CharField(allow_blank=True)
    formality = serializers.CharField(allow_blank=True)
    funding_model = serializers.CharField(allow_blank=True)
    funding_note = serializers.CharField(allow_blank=True)
    evidence_note = serializers.CharField(allow_blank=True)
    impact_measures = ImpactMeasureSerializer(many=True)
    barriers_note = serializers.CharField(allow_blank=True)
    advice = serializers.CharField(allow_blank=True)
    sources = SourceSerializer(many=True)
    last_reviewed = serializers.DateField(allow_null=True)
    first_published = serializers.DateTimeField(allow_null=True)
    last_updated = serializers.DateTimeField(allow_null=True)
    version = serializers.IntegerField(allow_null=True)
    versions = VersionSerializer(many=True)
    citation = CitationSerializer(allow_null=True)


class TaxonomySerializer(serializers.Serializer):
    parameter = serializers.CharField(help_text="The listing's query parameter for this taxonomy.")
    legend = serializers.CharField()
    terms = TermSerializer(many=True)


class TaxonomiesSerializer(serializers.Serializer):
    taxonomies = TaxonomySerializer(many=True)


class ReadingListSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    audience = serializers.CharField(help_text="Whom the list is for: a course and its module.")
    url = serializers.URLField()
    permanent_link = serializers.URLField()
    api_url = serializers.URLField()
    card_url = serializers.URLField(help_text="The embeddable card (any site may frame it).")
    case_study_count = serializers.IntegerField(help_text="How many of the list's case studies are published.")
    last_updated = serializers.DateTimeField(allow_null=True)


class ReadingListListingSerializer(serializers.Serializer):
    meta = PageMetaSerializer()
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
    downloads = ReadingListDownloadsSerializer()
    items = ReadingListItemSerializer(many=True)


class ProblemErrorSerializer(serializers.Serializer):
    name = serializers.CharField()
    reason = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details: every error the API gives."""

    type = serializers.CharField(help_text="A URI naming the kind of problem; `about:blank` means the status says it.")
    title = serializers.CharField(help_text="The HTTP status's phrase, or a short summary of the problem.")
    status = serializers.IntegerField(min_value=400, max_value=599)
    detail = serializers.CharField(help_text="What went wrong, for a person to read.")
    instance = serializers.CharField(required=False, help_text="The path that was asked for.")
    errors = ProblemErrorSerializer(many=True, required=False, help_text="Each query parameter at fault (400).")
