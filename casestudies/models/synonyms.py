"""Words the sector uses for the same thing, so that a search for one finds the others."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

TERM_SEPARATORS = re.compile(r"[,\n]")


def split_terms(text):
    """'MFL, modern languages' -> ['mfl', 'modern languages'] (lower-case, single-spaced, unique)."""
    terms = []
    for raw in TERM_SEPARATORS.split(text or ""):
        term = " ".join(re.findall(r"[^\W_]+", raw.lower()))
        if term and term not in terms:
            terms.append(term)
    return terms


@register_snippet
class SynonymGroup(models.Model):
    terms = models.TextField(
        help_text="Words or phrases that mean the same here, separated by commas, e.g. "
        "'MFL, modern languages, modern foreign languages'. A search for any one finds the others."
    )
    note = models.CharField(max_length=255, blank=True, help_text="Optional: why these belong together.")

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        ordering = ["terms"]
        verbose_name = "search synonym group"

    def __str__(self):
        return ", ".join(self.term_list) or "(empty)"

    @classmethod
    def term_lists(cls):
        return [group.term_list for group in cls.objects.all()]

    @property
    def term_list(self):
        return split_terms(self.terms)

    def clean(self):
        if len(self.term_list) < 2:
            raise ValidationError({"terms": "Give at least two words or phrases, separated by commas."})
        self.terms = ", ".join(self.term_list)
