"""The rows of "What readers look for": searches that found nothing or little, searches after
which nothing was opened, and the filters and feature × lever cells readers ask for most that
hold fewer than three published case studies."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from casestudies.finder import feature_pair_counts, find_for_api
from casestudies.models import CaseStudyIndexPage, CaseStudyPage

from .models import WITHHELD

FEW_AT_MOST = 2  # results: "few"
THIN_BELOW = 3  # published case studies: "thin"
TREND_DAYS = 7
ROWS_PER_SECTION = 50

NO_RESULTS = "No results"
FEW_RESULTS = "Few results"
NOTHING_OPENED = "Nothing opened"
THIN_CELL = "Demanded but thin: feature × lever"
THIN_FILTER = "Demanded but thin: filter"
SECTIONS = [NO_RESULTS, FEW_RESULTS, NOTHING_OPENED, THIN_CELL, THIN_FILTER]


@dataclass
class ReportRow:
    section: str
    query: str
    filters: str
    searches: int
    results: object  # case studies found (or published, for a thin cell or filter)
    opens: object
    trend: str
    search_url: str
    start_url: str


@dataclass
class Search:
    """One search's counts over the report's days."""

    path: str
    query: str
    filters: dict
    results: int = 0
    last_day: datetime.date = None
    searches: int = 0
    opens: int = 0
    recent: int = 0
    before: int = 0


def trend_text(recent, before):
    if not before:
        return f"{recent} in the last {TREND_DAYS} days (new)" if recent else "none lately"
    arrow = "rising" if recent > before else "falling" if recent < before else "steady"
    return f"{arrow}: {recent} in the last {TREND_DAYS} days, {before} the {TREND_DAYS} before"


def start_url(filters):
    index = CaseStudyIndexPage.get_solo()
    if index is None:
        return ""
    url = reverse("wagtailadmin_pages:add", args=("casestudies", "casestudypage", index.pk))
    chosen = [(param, value) for param in ("feature", "lever") for value in filters.get(param, [])]
    return url + ("?" + urlencode(chosen) if chosen else "")


def search_url(path, query, filters):
    params = ([("q", query)] if query else []) + [(p, v) for p, values in sorted(filters.items()) for v in values]
    return path + ("?" + urlencode(params) if params else "")


class ReaderDemand:
    """Built from the DailySearch rows the report's filters leave."""

    def __init__(self, daily_rows, today=None):
        self.today = today or timezone.localdate()
        self.searches = {}
        self.withheld = 0
        recent_from = self.today - datetime.timedelta(days=TREND_DAYS - 1)
        before_from = recent_from - datetime.timedelta(days=TREND_DAYS)
        for row in daily_rows:
            if row.signature == WITHHELD:
                self.withheld += row.searches
                continue
            search = self.searches.setdefault(row.signature, Search(row.path, row.query, row.filters))
            search.searches += row.searches
            search.opens += row.opens
            if search.last_day is None or row.day >= search.last_day:
                search.last_day, search.results = row.day, row.results
            if row.day >= recent_from:
                search.recent += row.searches
            elif row.day >= before_from:
                search.before += row.searches
        self.labels, self.published = published_counts()

    def describe(self, filters):
        return "; ".join(
            f"{param}: " + ", ".join(self.labels.get((param, v), v) for v in values)
            for param, values in sorted(filters.items())
        )

    def search_row(self, section, search):
        return ReportRow(
            section,
            search.query,
            self.describe(search.filters),
            search.searches,
            search.results,
            search.opens,
            trend_text(search.recent, search.before),
            search_url(search.path, search.query, search.filters),
            start_url(search.filters),
        )

    def search_rows(self, section, keep):
        chosen = sorted((s for s in self.searches.values() if keep(s)), key=lambda s: (-s.searches, -s.recent, s.query))
        return [self.search_row(section, s) for s in chosen[:ROWS_PER_SECTION]]

    def demand(self, keys_of):
        """{key: [searches, recent, before]} summed over searches, for the keys each one asks."""
        totals = defaultdict(lambda: [0, 0, 0])
        for search in self.searches.values():
            for key in keys_of(search.filters):
                total = totals[key]
                total[0] += search.searches
                total[1] += search.recent
                total[2] += search.before
        return sorted(totals.items(), key=lambda item: (-item[1][0], item[0]))

    def thin_cells(self):
        pairs = feature_pair_counts(CaseStudyPage.objects.published(), "lever")
        rows = []
        cells = self.demand(lambda f: [(a, b) for a in f.get("feature", []) for b in f.get("lever", [])])
        for (feature, lever), (searches, recent, before) in cells:
            count = pairs.get((feature, lever), 0)
            if count < THIN_BELOW:
                filters = {"feature": [feature], "lever": [lever]}
                rows.append(self.demand_row(THIN_CELL, filters, searches, count, recent, before))
        return rows[:ROWS_PER_SECTION]

    def thin_filters(self):
        rows = []
        singles = self.demand(lambda f: [(param, value) for param, values in f.items() for value in values])
        for (param, value), (searches, recent, before) in singles:
            count = self.published.get((param, value), 0)
            if count < THIN_BELOW:
                rows.append(self.demand_row(THIN_FILTER, {param: [value]}, searches, count, recent, before))
        return rows[:ROWS_PER_SECTION]

    def demand_row(self, section, filters, searches, count, recent, before):
        index = CaseStudyIndexPage.get_solo()
        path = index.url if index is not None else "/"
        return ReportRow(
            section,
            "",
            self.describe(filters),
            searches,
            count,
            "",
            trend_text(recent, before),
            search_url(path, "", filters),
            start_url(filters),
        )

    def rows(self):
        return [
            *self.search_rows(NO_RESULTS, lambda s: s.results == 0),
            *self.search_rows(FEW_RESULTS, lambda s: 0 < s.results <= FEW_AT_MOST),
            *self.search_rows(NOTHING_OPENED, lambda s: s.results > 0 and not s.opens),
            *self.thin_cells(),
            *self.thin_filters(),
        ]


def published_counts():
    """({(param, value): label}, {(param, value): published case studies}) from the finder."""
    index = CaseStudyIndexPage.get_solo()
    if index is None:
        return {}, {}
    finding = find_for_api(index, QueryDict("limit=1"))
    labels, counts = {}, {}
    for facet in finding.facets:
        for option in facet.options:
            labels[facet.param, option.value] = option.label
            counts[facet.param, option.value] = option.count
    return labels, counts
