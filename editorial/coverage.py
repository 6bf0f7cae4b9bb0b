"""How well the published evidence covers the bank's framework, and what needs an editor's attention."""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q
from django.utils import timezone
from wagtail.models import WorkflowState

from casestudies.finder import build_matrix, feature_pair_counts, listing_url
from casestudies.models import CaseStudyIndexPage, CaseStudyPage, EvidenceType, Phase, Region
from casestudies.rules import review_due_before

# A cell with at least one case study but no more than this is thin: one or two examples are
# anecdotes, not a pattern a trust leader can rely on.
THIN_AT_MOST = 2


def assess(count):
    if count == 0:
        return "gap"
    if count <= THIN_AT_MOST:
        return "thin"
    return ""


@dataclass
class Cell:
    count: int
    url: str = ""  # the finder's listing of exactly these case studies

    @property
    def assessment(self):
        return assess(self.count)


@dataclass
class Tally:
    title: str
    label: str
    rows: list  # [(name, Cell)]


@dataclass
class ExportRow:
    """One line of the downloadable report."""

    section: str
    row: str
    column: str = ""
    count: object = ""
    note: str = ""


def published_case_studies():
    return CaseStudyPage.objects.published()


def listing():
    """The public listing's address, which every count links to (published case studies only, as
    counted here); None before the index page exists."""
    index = CaseStudyIndexPage.get_solo()
    return index.url if index is not None else None


def link(base, **values):
    return listing_url(base, **values) if base else ""


def matrix(title, column_param, base=None):
    """Published case studies per success feature × lever or purpose, counted in SQL."""
    counts = feature_pair_counts(published_case_studies().values("pk"), column_param)
    return build_matrix(
        title,
        column_param,
        count=lambda feature, column: counts.get((feature, column), 0),
        assess=assess,
        url=lambda feature, column: link(base, feature=[feature.slug], **{column_param: [column.slug]}),
    )


def tally(title, label, model, lookup, param, base=None):
    counts = dict(published_case_studies().values_list(lookup).annotate(n=Count("pk", distinct=True)).order_by())
    return Tally(
        title,
        label,
        [
            (term.name, Cell(counts.get(term.pk, 0), link(base, **{param: [term.slug]})))
            for term in model.objects.order_by("sort_order")
        ],
    )


def evidence_type_tally(base=None):
    counts = dict(published_case_studies().values_list("evidence_type").annotate(n=Count("pk")).order_by())
    return Tally(
        "Case studies by evidence type",
        "Evidence type",
        [
            (choice.label, Cell(counts.get(choice.value, 0), link(base, evidence_type=[str(choice.value)])))
            for choice in EvidenceType
        ],
    )


def due_for_review():
    """Published case studies last reviewed more than 24 months ago, or never; oldest first."""
    cutoff = review_due_before()
    return (
        published_case_studies()
        .filter(Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=cutoff))
        .order_by(F("last_reviewed").asc(nulls_first=True), "title")
        .only("id", "title", "last_reviewed")
    )


@dataclass
class Submission:
    page: CaseStudyPage
    requested_by: object
    submitted_at: datetime.datetime
    waiting: datetime.timedelta = field(default=None)

    @property
    def days_waiting(self):
        return self.waiting.days


def awaiting_review():
    """Case studies in a workflow waiting for a moderator, longest-waiting first. A page a
    moderator sent back for changes waits on its editor, not on review."""
    page_type = ContentType.objects.get_for_model(CaseStudyPage)
    states = list(
        WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS, content_type=page_type)
        .select_related("requested_by")
        .order_by("created_at")
    )
    pages = CaseStudyPage.objects.in_bulk([int(s.object_id) for s in states])
    now = timezone.now()
    return [
        Submission(pages[int(s.object_id)], s.requested_by, s.created_at, now - s.created_at)
        for s in states
        if int(s.object_id) in pages
    ]


@dataclass
class Coverage:
    matrices: list
    tallies: list
    due_for_review: list
    awaiting_review: list
    total: int

    @property
    def gaps(self):
        return [(m.caption, r, c) for m in self.matrices for r, c, cell in m.cells() if cell.assessment == "gap"] + [
            (t.title, name, "") for t in self.tallies for name, cell in t.rows if cell.assessment == "gap"
        ]

    @property
    def thin(self):
        return [(m.caption, r, c) for m in self.matrices for r, c, cell in m.cells() if cell.assessment == "thin"] + [
            (t.title, name, "") for t in self.tallies for name, cell in t.rows if cell.assessment == "thin"
        ]

    def export_rows(self):
        rows = []
        for m in self.matrices:
            rows += [ExportRow(m.caption, str(r), str(c), cell.count, cell.assessment) for r, c, cell in m.cells()]
        for t in self.tallies:
            rows += [ExportRow(t.title, name, "", cell.count, cell.assessment) for name, cell in t.rows]
        rows += [
            ExportRow(
                "Not reviewed in 24 months",
                p.title,
                "last reviewed",
                p.last_reviewed.isoformat() if p.last_reviewed else "never",
                "review due",
            )
            for p in self.due_for_review
        ]
        rows += [
            ExportRow(
                "Awaiting review", s.page.title, f"submitted {s.submitted_at:%Y-%m-%d}", s.days_waiting, "days waiting"
            )
            for s in self.awaiting_review
        ]
        return rows


def coverage():
    base = listing()
    return Coverage(
        matrices=[
            matrix("Success feature × policy lever", "lever", base),
            matrix("Success feature × purpose", "purpose", base),
        ],
        tallies=[
            tally("Case studies by region", "Region", Region, "region", "region", base),
            tally("Case studies by phase", "Phase", Phase, "phases", "phase", base),
            evidence_type_tally(base),
        ],
        due_for_review=list(due_for_review()),
        awaiting_review=awaiting_review(),
        total=published_case_studies().count(),
    )
