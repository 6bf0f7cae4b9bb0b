"""Content-quality rules: what an editor should fix before a reader can trust a case study.

The same rules feed the content-quality report (editorial) and the warnings panel that editors
and moderators see at the top of the page editor, so a moderator reviewing a submission sees
exactly what the report would list. A rule is a warning, never a validation error: version-1
files without the newer fields still import, and an editor may save work in progress.
"""

from dataclasses import dataclass

from django.urls import reverse
from wagtail.admin.panels import Panel

from ..rules import REVIEW_EVERY_MONTHS, is_due_for_review
from .choices import EvidenceType

# Stable identifiers (used in the report's download) and the names editors see.
RULES = {
    "measure-needs-baseline-and-result": "Type 2 or 3 evidence without a baseline and a result",
    "source-needs-year": "Source without a year",
    "source-needs-author-or-publisher": "Source without authors or publisher",
    "status-needs-reported-year": "Status without a reported year",
    "review-overdue": f"Not reviewed in {REVIEW_EVERY_MONTHS} months",
    "review-date-missing": "No review date",
}


@dataclass(frozen=True)
class QualityWarning:
    """One problem, and where in the page editor to fix it: the tab, the field's label, and the
    id of the field's input (the edit page opens that tab when its address ends #anchor)."""

    rule: str
    message: str
    tab: str = ""
    field: str = ""
    anchor: str = ""

    @property
    def label(self):
        return RULES[self.rule]

    @property
    def where(self):
        """'Classification tab › Reported year'."""
        return f"{self.tab} tab › {self.field}" if self.tab else ""

    def link(self, edit_url):
        return f"{edit_url}#{self.anchor}" if self.anchor else edit_url


def is_new(page, today=None):
    """Never published, or first published within the review interval: not yet due a review."""
    first = page.first_published_at
    return first is None or not is_due_for_review(first.date(), today)


def quality_warnings(page, today=None):
    """The content-quality warnings for a case study as `page` holds it (live, or a revision)."""
    warnings = []
    if page.evidence_type in (EvidenceType.EMPIRICAL, EvidenceType.CAUSAL):
        measures = list(page.impact_measures.all())
        if not any(m.baseline.strip() and m.result.strip() for m in measures):
            warnings.append(
                QualityWarning(
                    "measure-needs-baseline-and-result",
                    f"The evidence type is {EvidenceType(page.evidence_type).label}, but no impact measure has both "
                    "a baseline and a result. Add the figures before and after, or choose Type 1.",
                    "Evidence and impact",
                    "Impact measures",
                    "id_impact_measures-FORMS",
                )
            )
    for number, source in enumerate(page.sources.all()):
        title = source.title or "A source"
        if not source.year:
            warnings.append(
                QualityWarning(
                    "source-needs-year",
                    f"“{title}” has no year. Give the year it was published, or work it out from the text.",
                    "Sources",
                    f"Source {number + 1} › Year",
                    f"id_sources-{number}-year",
                )
            )
        if not source.author_names and not source.publisher.strip():
            warnings.append(
                QualityWarning(
                    "source-needs-author-or-publisher",
                    f"“{title}” has neither authors nor a publisher: say who wrote or published it.",
                    "Sources",
                    f"Source {number + 1} › Authors",
                    f"id_sources-{number}-authors",
                )
            )
    if page.status and not page.reported_year:
        warnings.append(
            QualityWarning(
                "status-needs-reported-year",
                f"The status is “{page.get_status_display()}” but there is no reported year, so readers "
                "cannot tell when it was true. Give the year the evidence describes.",
                "Classification",
                "Reported year",
                "id_reported_year",
            )
        )
    where = ("Sources", "Last reviewed", "id_last_reviewed")
    if page.last_reviewed is None and is_new(page, today):
        message = "Add a review date once you have checked the case study against its sources."
        warnings.append(QualityWarning("review-date-missing", message, *where))
    elif is_due_for_review(page.last_reviewed, today):
        if page.last_reviewed:
            date = f"{page.last_reviewed.day} {page.last_reviewed:%B %Y}"
            message = f"It was last reviewed on {date}. Check it against its sources and update the review date."
        else:
            message = "It has never been reviewed. Check it against its sources and set the review date."
        warnings.append(QualityWarning("review-overdue", message, *where))
    return warnings


class QualityWarningsPanel(Panel):
    """Shows the content-quality warnings for the revision being edited or reviewed."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "casestudies/admin/quality_warnings_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["is_new"] = self.instance is None or not self.instance.pk
            context["warnings"] = [] if context["is_new"] else quality_warnings(self.instance)
            if not context["is_new"]:
                context["edit_url"] = reverse("wagtailadmin_pages:edit", args=(self.instance.pk,))
            return context
