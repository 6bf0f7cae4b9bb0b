"""A case study's child rows, edited inline on its page and kept in its revisions: its partners
(each an organisation and its role), the evidence for each success feature, its impact measures,
its sources (as a citation lists them) and related documents."""

from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class CaseStudyPartner(Orderable):
    page = ParentalKey("casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "casestudies.PartnerOrganisation",
        on_delete=models.PROTECT,
        related_name="partnerships",
        help_text="Choose the organisation; if it is not in the list yet, create it in the chooser.",
    )
    role = models.CharField(
        "what it does best",
        max_length=255,
        blank=True,
        help_text="Its role in this partnership, e.g. 'Assessment and research'.",
    )
    is_lead = models.BooleanField(
        "lead partner",
        default=False,
        help_text="Tick only where a source says this partner convened or led the work; tick more than one if "
        "they co-led, none if the source does not say.",
    )

    panels = [FieldPanel("organisation"), FieldPanel("role"), FieldPanel("is_lead")]


class CaseStudyFeatureEvidence(Orderable):
    page = ParentalKey("casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="feature_evidence")
    feature = models.ForeignKey("casestudies.SuccessFeature", on_delete=models.PROTECT, related_name="evidence")
    evidence = models.TextField(help_text="How this case shows the feature: one to three sentences with specifics.")

    panels = [FieldPanel("feature"), FieldPanel("evidence")]

    class Meta(Orderable.Meta):
        verbose_name = "success-feature evidence"
        constraints = [models.UniqueConstraint(fields=["page", "feature"], name="one_evidence_entry_per_feature")]


class ImpactMeasure(Orderable):
    page = ParentalKey("casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="impact_measures")
    measure = models.CharField(
        max_length=255, help_text="What was measured, e.g. 'Students taking a language A level'."
    )
    baseline = models.CharField(max_length=100, blank=True, help_text="The figure before, if known.")
    result = models.CharField(max_length=100, blank=True, help_text="The figure after.")
    source = models.CharField(max_length=255, blank=True, help_text="Where the figures come from.")

    panels = [
        FieldPanel("measure"),
        FieldRowPanel([FieldPanel("baseline"), FieldPanel("result")]),
        FieldPanel("source"),
    ]


class CaseStudySource(Orderable):
    page = ParentalKey("casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(
        max_length=255,
        help_text="The title of the report, essay or article, as the source gives it. If the source has no "
        "title, write a descriptive one in square brackets, e.g. '[Findings from the interviews and survey]'.",
    )
    authors = models.TextField(
        blank=True,
        validators=[MaxLengthValidator(5000)],
        help_text="One name per line: people as 'Family, Given' (e.g. 'Vainker, Ed'), organisations as they "
        "write their own name. Leave empty only if the source names no author.",
    )
    url = models.URLField(
        "web address", max_length=500, blank=True, help_text="A link readers can follow, starting https://"
    )
    publisher = models.CharField(max_length=255, blank=True, help_text="Who published it, e.g. 'UPP Foundation'.")
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text="The year it was published. If the source gives no date, work it out from what it says "
        "and explain how in the evidence note.",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("authors"),
        FieldPanel("url"),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("year")]),
    ]

    @property
    def author_names(self):
        return [name.strip() for name in self.authors.splitlines() if name.strip()]

    @property
    def authors_text(self):
        """The authors as a citation lists them: 'Vainker, Ed; Slavinsky, Michael'."""
        return "; ".join(self.author_names)


class RelatedDocument(Orderable):
    page = ParentalKey("casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="related_documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.PROTECT, related_name="+", help_text="Upload or choose the report."
    )
    description = models.CharField(
        max_length=255, blank=True, help_text="What the document is, e.g. 'Independent evaluation, 2024'."
    )

    panels = [FieldPanel("document"), FieldPanel("description")]
