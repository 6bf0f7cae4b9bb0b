"""The fixed taxonomies. Rows are seeded by migration 0002; editors may reword them but
never change a slug, because URLs, filters and the interchange format depend on it.

Each model's CANONICAL_SLUGS, in display order, is the one list of its slugs: the finder accepts
them as filter values and the interchange format as field values (a test checks the seeded rows
match)."""

from django.db import models

from .choices import RegionKind


class Term(models.Model):
    slug = models.SlugField(
        unique=True,
        editable=False,
        help_text="Fixed identifier used in links, filters and data exchange.",
    )
    name = models.CharField(max_length=120, help_text="The name readers see.")
    description = models.CharField(
        max_length=255,
        blank=True,
        help_text="One plain sentence shown beside the name in filters and lists.",
    )
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class SuccessFeature(Term):
    CANONICAL_SLUGS = (
        "shared-governance",
        "play-to-strengths",
        "existing-infrastructure",
        "accountability-impact",
        "exciting-accessible",
    )
    explanation = models.TextField(
        blank=True,
        help_text="A longer explanation for the feature's page: what it means and why it matters.",
    )
    practice_notes = models.TextField(
        blank=True,
        help_text="Practice described in the sources that is too thin for a case study, or does not show "
        "this feature at work: one paragraph each (blank line between), each naming its source passage. "
        "Shown on the feature's page under 'Practice described in the sources'.",
    )

    class Meta(Term.Meta):
        verbose_name = "success feature"


class PolicyLever(Term):
    CANONICAL_SLUGS = ("sharing-what-works", "leadership-training", "local-convening", "inspection-regulation")
    explanation = models.TextField(
        blank=True,
        help_text="A longer explanation for the lever's page: how it works, its strengths and risks.",
    )

    class Meta(Term.Meta):
        verbose_name = "policy lever"

    @property
    def stringency(self):
        """1 is the least stringent lever, 4 the most."""
        return self.sort_order


class Purpose(Term):
    CANONICAL_SLUGS = (
        "teacher-workforce",
        "widening-participation",
        "transition-to-he",
        "subject-enrichment",
        "teacher-cpd",
        "research-engagement",
        "early-years-family",
        "send",
        "civic-community",
    )

    class Meta(Term.Meta):
        verbose_name = "purpose"


class Phase(Term):
    CANONICAL_SLUGS = ("early-years", "primary", "secondary", "post-16", "further-education", "higher-education")

    class Meta(Term.Meta):
        verbose_name = "phase"


class Region(Term):
    CANONICAL_SLUGS = (
        "north-east",
        "north-west",
        "yorkshire-humber",
        "east-midlands",
        "west-midlands",
        "east-of-england",
        "london",
        "south-east",
        "south-west",
        "scotland",
        "wales",
        "northern-ireland",
        "uk-wide",
    )
    kind = models.CharField(max_length=20, choices=RegionKind.choices, editable=False)

    class Meta(Term.Meta):
        verbose_name = "region"


class Barrier(Term):
    CANONICAL_SLUGS = (
        "culture",
        "timetables",
        "staff-time",
        "funding-uncertainty",
        "staff-turnover",
        "vetting-logistics",
        "policy-churn",
        "no-entry-point",
    )

    class Meta(Term.Meta):
        verbose_name = "barrier"
