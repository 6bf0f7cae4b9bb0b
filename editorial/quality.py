"""The content-quality report: every case study, live or draft, that breaks one of the rules in
`casestudies.models.quality`. A page with unpublished changes is checked as its newest revision,
which is what the editor or moderator sees in the page editor."""

from dataclasses import dataclass

from django.urls import reverse

from casestudies.models import QUALITY_RULES, CaseStudyPage, quality_warnings


@dataclass
class QualityRow:
    """One broken rule on one case study: one line of the downloadable report."""

    page: CaseStudyPage
    title: str
    state: str
    rule: str
    problem: str
    message: str
    last_reviewed: object
    where: str = ""  # 'Classification tab › Reported year'
    link: str = ""  # the edit page, opened at that field


def state_of(page):
    if not page.live:
        return "Draft"
    if page.has_unpublished_changes:
        return "Live, with unpublished changes"
    return "Live"


def content_as_edited(page):
    return page.get_latest_revision_as_object() if page.has_unpublished_changes else page


def quality_rows(today=None):
    pages = CaseStudyPage.objects.order_by("title", "pk").prefetch_related("sources", "impact_measures")
    rows = []
    for page in pages:
        content = content_as_edited(page)
        edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        for warning in quality_warnings(content, today):
            rows.append(
                QualityRow(
                    page=page,
                    title=content.title,
                    state=state_of(page),
                    rule=warning.rule,
                    problem=warning.label,
                    message=warning.message,
                    last_reviewed=content.last_reviewed,
                    where=warning.where,
                    link=warning.link(edit_url),
                )
            )
    return rows


@dataclass
class QualitySummary:
    rows: list

    @property
    def case_study_count(self):
        return len({row.page.pk for row in self.rows})

    def by_rule(self):
        counts = {rule: 0 for rule in QUALITY_RULES}
        for row in self.rows:
            counts[row.rule] += 1
        return [(QUALITY_RULES[rule], n) for rule, n in counts.items()]

    def by_case_study(self):
        grouped = {}
        for row in self.rows:
            grouped.setdefault(row.page.pk, []).append(row)
        return list(grouped.values())
