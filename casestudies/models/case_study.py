"""The case-study page: its fields, validation, search fields and how it is served (its child
rows are in `case_study_rows`, its editor form and panels in `case_study_editing`). Nothing here
knows how case studies are found or exchanged: the finder and the interchange format read these
models."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..addresses import CITATION_FORMATS, citation_file_url, permanent_url
from ..blocks import StoryBlock
from ..rules import EARLIEST_YEAR, SUMMARY_MAX_LENGTH, latest_year
from .case_study_editing import EDIT_HANDLER, CaseStudyPageForm
from .choices import EvidenceType, Formality, FundingModel, Licence, Status
from .findable import readable
from .index_page import CaseStudyIndexPage
from .versions import CHANGE_SUMMARY_MAX_LENGTH, PublishedVersion


class CaseStudyQuerySet(PageQuerySet):
    def published(self):
        """What readers may see: live, and not behind a privacy restriction on the page or
        an ancestor (Wagtail's `public()`, with the sections read once per token). Every public
        surface (finder, downloads, reports) starts here."""
        return readable(self)


class CaseStudyPage(Page):
    summary = models.TextField(
        validators=[MaxLengthValidator(SUMMARY_MAX_LENGTH)],
        help_text=(
            f"One or two sentences (at most {SUMMARY_MAX_LENGTH} characters) saying who worked together, "
            "on what, and what came of it. Shown in search results and at the top of the page."
        ),
    )
    story = StreamField(
        StoryBlock(),
        blank=True,
        help_text="Tell the story: the problem, what each partner did, and what happened. "
        "Use headings to break it up, quotes with the speaker's role, and key facts for figures.",
    )
    policy_levers = ParentalManyToManyField(
        "casestudies.PolicyLever",
        blank=True,
        related_name="case_studies",
        help_text="Only a lever a source shows at work in this partnership (e.g. a local authority convening "
        "the partners, or a regulator's requirement). Leave it empty rather than guess.",
    )
    purposes = ParentalManyToManyField(
        "casestudies.Purpose",
        blank=True,
        related_name="case_studies",
        help_text="What the partnership is for, as its sources say.",
    )
    phases = ParentalManyToManyField(
        "casestudies.Phase", blank=True, related_name="case_studies", help_text="The phases of education it serves."
    )
    region = models.ForeignKey(
        "casestudies.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
        help_text="Where the partnership works. Choose 'UK-wide' for national programmes.",
    )
    local_authority = models.CharField(
        max_length=100, blank=True, help_text="The local authority area, e.g. 'Hounslow', if known."
    )
    start_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(EARLIEST_YEAR)],
        help_text="The year the partnership began, e.g. 2019.",
    )
    end_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(EARLIEST_YEAR)],
        help_text="The year it ended. Leave empty if it is still running.",
    )
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        blank=True,
        help_text="Pilot: a first trial. Established: running for more than a cycle. "
        "Scaled: spread to more schools or places. Ended: no longer running. Not reported: the "
        "sources do not say. As the sources report it in the reported year, not as it may be today.",
    )
    reported_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(EARLIEST_YEAR)],
        help_text="The year the evidence describes, e.g. 2014 for a study written then. Readers see the "
        "status and years 'as reported in' this year. Give one whenever you set a status.",
    )
    formality = models.CharField(
        max_length=20, choices=Formality.choices, blank=True, help_text="How formally the partners are bound."
    )
    funding_model = models.CharField(
        max_length=20,
        choices=FundingModel.choices,
        blank=True,
        help_text="How the partnership is mainly paid for. Choose 'Mixed' when no one source dominates.",
    )
    funding_note = models.TextField(
        blank=True, help_text="Who paid for what, and roughly how much, if the source says."
    )
    evidence_type = models.PositiveSmallIntegerField(
        choices=EvidenceType.choices,
        help_text="Type 1: a coherent account of what was done and why it should work, without data showing "
        "change. Type 2: data collected before and after, or over time, showing that something changed "
        "(a single count is Type 1). Type 3: a comparison group or trial that attributes the change to the "
        "partnership.",
    )
    evidence_note = models.TextField(
        blank=True, help_text="Say why you chose this evidence type: what data exists, and what it cannot show."
    )
    barriers = ParentalManyToManyField(
        "casestudies.Barrier",
        blank=True,
        related_name="case_studies",
        help_text="Obstacles a source says these partners met; not barriers the sources discuss in general.",
    )
    barriers_note = models.TextField(
        "how the barriers were overcome", blank=True, help_text="What the partners did about the barriers above."
    )
    advice = models.TextField(
        "advice to others", blank=True, help_text="What the partners would tell someone starting out."
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="When an editor last checked this case study against its sources."
    )
    external_id = models.SlugField(
        "external ID",
        max_length=100,
        unique=True,
        blank=True,
        error_messages={"unique": "Another case study already uses this external ID: choose a different one."},
        help_text="A stable identifier for imports and exports. Leave empty to use the page's slug; "
        "it can never change once saved.",
    )

    licence = models.CharField(
        max_length=20,
        choices=Licence.choices,
        default=Licence.CC_BY,
        help_text="The licence readers may reuse this case study's text under. Keep CC BY 4.0 unless a source "
        "or partner requires another.",
    )
    change_summary = models.CharField(
        "summary of this change",
        max_length=CHANGE_SUMMARY_MAX_LENGTH,
        blank=True,
        help_text="One line for the public change history when this is published, e.g. 'Added the 2024 "
        "exam results'. Leave empty for a small correction.",
    )

    objects = PageManager.from_queryset(CaseStudyQuerySet)()

    base_form_class = CaseStudyPageForm
    edit_handler = EDIT_HANDLER

    # Title (boost 2, from Page) outranks summary and partner names (1.5), which outrank the rest.
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("story"),
        index.SearchField("advice"),
        index.SearchField("barriers_note"),
        index.SearchField("evidence_note"),
        index.SearchField("local_authority"),
        index.RelatedFields("partners", [index.RelatedFields("organisation", [index.SearchField("name", boost=1.5)])]),
        index.RelatedFields("feature_evidence", [index.SearchField("evidence")]),
        index.RelatedFields("barriers", [index.SearchField("name")]),
        index.RelatedFields("purposes", [index.SearchField("name")]),
        index.RelatedFields("impact_measures", [index.SearchField("measure"), index.SearchField("result")]),
        index.FilterField("evidence_type"),
        index.FilterField("status"),
        index.FilterField("formality"),
        index.FilterField("funding_model"),
        index.FilterField("region"),
        index.FilterField("start_year"),
        index.FilterField("end_year"),
    ]

    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"

    def clean(self):
        super().clean()
        errors = {}
        this_year_limit = latest_year()
        for field in ("start_year", "end_year"):
            value = getattr(self, field)
            if value is not None and value > this_year_limit:
                errors[field] = f"Enter a year no later than {this_year_limit}."
        this_year = datetime.date.today().year
        if self.reported_year is not None and self.reported_year > this_year:
            errors["reported_year"] = f"Enter the year the evidence describes: no later than this year ({this_year})."
        if self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = (
                f"The end year ({self.end_year}) is before the start year ({self.start_year}): "
                "correct one of them, or leave the end year empty if the partnership is still running."
            )
        if self.pk and self.external_id:
            stored = CaseStudyPage.objects.filter(pk=self.pk).values_list("external_id", flat=True).first()
            if stored and stored != self.external_id:
                errors["external_id"] = f"The external ID cannot change once saved; it is “{stored}”."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.external_id:
            self.external_id = self.slug
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Whose routes the page links to.
        context["index_page"] = CaseStudyIndexPage.above(self) or self.get_parent().specific_deferred
        versions = list(PublishedVersion.objects.filter(page_id=self.pk).order_by("number")) if self.pk else []
        context["versions"] = versions
        context["latest_version"] = versions[-1] if versions else None
        # A new page's preview has no id yet, so no permanent link.
        context["permanent_url"] = permanent_url(self.pk, request=request) if self.pk else ""
        return context

    def citation_links(self, request, version=None):
        """(address, rel, media type) for the response's `Link` header."""
        number = version.number if version is not None else None
        links = [(permanent_url(self.pk, number, request), "cite-as", "")]
        for extension, media_type in CITATION_FORMATS.items():
            links.append((citation_file_url(self.pk, extension, number, request), "describedby", media_type))
        return links

    def add_link_header(self, response, request, version=None):
        links = []
        for url, rel, media_type in self.citation_links(request, version):
            links.append(f'<{url}>; rel="{rel}"' + (f'; type="{media_type}"' if media_type else ""))
        response["Link"] = ", ".join(links)
        return response

    # The rows the page, its citation, its meta tags and its JSON-LD each read: loaded once.
    SERVED_WITH = ("partners__organisation", "feature_evidence__feature", "purposes", "policy_levers", "barriers")

    def serve(self, request, *args, **kwargs):
        prefetch_related_objects([self], *self.SERVED_WITH)
        return self.add_link_header(super().serve(request, *args, **kwargs), request)

    def serve_version(self, request, version):
        """This page as `version` published it (self is that revision's page), with a banner."""
        context = self.get_context(request)
        context["version"] = version
        response = TemplateResponse(request, self.get_template(request), context)
        return self.add_link_header(response, request, version)

    # Editors preview the page as readers see it and as it appears in a search result.
    @property
    def preview_modes(self):
        return [("", "Case study page"), ("search-result", "Search result")]

    def serve_preview(self, request, mode_name):
        if mode_name == "search-result":
            return TemplateResponse(
                request, "casestudies/search_result_preview.html", {"page": self, "request": request}
            )
        return super().serve_preview(request, mode_name)

    @property
    def evidence_type_explanation(self):
        return EvidenceType(self.evidence_type).explanation if self.evidence_type else ""

    @property
    def years_text(self):
        """'2003–2011', 'since 2023', 'until 2011' or ''."""
        start, end = self.start_year, self.end_year
        if start and end:
            return str(start) if start == end else f"{start}–{end}"
        if start:
            return f"since {start}"
        if end:
            return f"until {end}"
        return ""

    @property
    def status_as_reported(self):
        """Status and years as of the reported year, e.g. 'Established, as reported in 2014' or
        'Ended, 2003–2011, as reported in 2014'; '' when neither status nor years is known."""
        if self.status == Status.NOT_REPORTED:
            status = (
                f"status not reported in the {self.reported_year} source"
                if self.reported_year
                else "status not reported"
            )
        else:
            status = self.get_status_display() if self.status else ""
        parts = [p for p in (status, self.years_text) if p]
        if not parts:
            return ""
        text = ", ".join(parts)
        text = text[0].upper() + text[1:]
        if self.reported_year and self.status != Status.NOT_REPORTED:
            return f"{text}, as reported in {self.reported_year}"
        return text

    @property
    def licence_choice(self):
        return Licence(self.licence or Licence.CC_BY)

    @property
    def is_ongoing(self):
        return (
            self.start_year is not None
            and self.end_year is None
            and self.status not in (Status.ENDED, Status.NOT_REPORTED)
        )
