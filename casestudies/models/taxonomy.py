"""The fixed taxonomies. Rows are seeded by migration 0002; editors may reword them but
never change a slug, because URLs, filters and the interchange format depend on it."""

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
    explanation = models.TextField(
        blank=True,
        help_text="A longer explanation for the feature's page: what it means and why it matters.",
    )

    class Meta(Term.Meta):
        verbose_name = "success feature"


class PolicyLever(Term):
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
    class Meta(Term.Meta):
        verbose_name = "purpose"


class Phase(Term):
    class Meta(Term.Meta):
        verbose_name = "phase"


class Region(Term):
    kind = models.CharField(max_length=20, choices=RegionKind.choices, editable=False)

    class Meta(Term.Meta):
        verbose_name = "region"


class Barrier(Term):
    class Meta(Term.Meta):
        verbose_name = "barrier"
