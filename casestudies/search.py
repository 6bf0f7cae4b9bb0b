"""Finding case studies: request parameters -> validated form -> query -> facet counts -> context.

This module owns the whole journey, as cfpb's filterable list does; the index page's routes and
the templates only pass its result along.

The query count is fixed however many case studies match: one search (as a subquery, never
materialised), one query per facet for the disjunctive counts, one count and one page of
results (plus their prefetches). Only live, public case studies under the index are considered.
"""

import difflib
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils.functional import cached_property
from wagtail.models import Page

from .forms import FACET_PARAMS, SORTS, CaseStudyFilterForm
from .models import (
    Barrier,
    CaseStudyFeatureEvidence,
    CaseStudyPage,
    CaseStudyPartner,
    EvidenceType,
    Formality,
    FundingModel,
    PartnerType,
    Phase,
    PolicyLever,
    Purpose,
    Region,
    Status,
    SuccessFeature,
    SynonymGroup,
)
from .querytext import highlight, parse_query, term_pattern, words_of

PER_PAGE = 20
MAX_PK_LIST = 20_000
ADVISE_WORDS = 4


# -- facets ---------------------------------------------------------------------------------
class TermFacet:
    """A facet over one of the taxonomies; counts come with the terms' current wording."""

    def __init__(self, param, legend, model, relation):
        self.param, self.legend, self.model, self.relation = param, legend, model, relation

    def condition(self, values):
        if self.relation == "region":
            return Q(region__slug__in=values)
        return Q(pk__in=CaseStudyPage.objects.filter(**{f"{self.relation}__slug__in": values}).values("pk"))

    def counts(self, pages):
        terms = self.model.objects.annotate(n=Count("case_studies", filter=Q(case_studies__in=pages)))
        return [(t.slug, t.name, t.n) for t in terms.order_by("sort_order", "name")]


class FeatureFacet(TermFacet):
    def condition(self, values):
        return Q(pk__in=CaseStudyFeatureEvidence.objects.filter(feature__slug__in=values).values("page_id"))

    def counts(self, pages):
        terms = self.model.objects.annotate(n=Count("evidence", filter=Q(evidence__page__in=pages)))
        return [(t.slug, t.name, t.n) for t in terms.order_by("sort_order")]


class ChoiceFacet:
    """A facet over a field with fixed choices on the page itself."""

    def __init__(self, param, legend, field_name, choices):
        self.param, self.legend, self.field_name, self.choices = param, legend, field_name, choices

    def condition(self, values):
        return Q(**{f"{self.field_name}__in": values})

    def counts(self, pages):
        rows = (
            CaseStudyPage.objects.filter(pk__in=pages).order_by()
            .values_list(self.field_name).annotate(n=Count("pk"))
        )
        found = {str(value): n for value, n in rows}
        return [(str(value), label, found.get(str(value), 0)) for value, label in self.choices]


class PartnerTypeFacet(ChoiceFacet):
    def condition(self, values):
        return Q(pk__in=CaseStudyPartner.objects.filter(organisation__type__in=values).values("page_id"))

    def counts(self, pages):
        rows = (
            CaseStudyPartner.objects.filter(page__in=pages).order_by()
            .values_list("organisation__type").annotate(n=Count("page", distinct=True))
        )
        found = dict(rows)
        return [(value, label, found.get(value, 0)) for value, label in self.choices]


FACETS = [
    FeatureFacet("feature", "Success feature", SuccessFeature, "feature_evidence__feature"),
    TermFacet("lever", "Policy lever", PolicyLever, "policy_levers"),
    TermFacet("purpose", "Purpose", Purpose, "purposes"),
    TermFacet("phase", "Phase", Phase, "phases"),
    TermFacet("region", "Region", Region, "region"),
    PartnerTypeFacet("partner_type", "Type of partner", None, PartnerType.choices),
    ChoiceFacet("evidence_type", "Evidence type", "evidence_type", EvidenceType.choices),
    ChoiceFacet("status", "Status", "status", Status.choices),
    ChoiceFacet("formality", "Formality", "formality", Formality.choices),
    ChoiceFacet("funding_model", "Funding model", "funding_model", FundingModel.choices),
    TermFacet("barrier", "Barriers met", Barrier, "barriers"),
]
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}
assert set(FACETS_BY_PARAM) == set(FACET_PARAMS)


# -- what the templates receive ----------------------------------------------------------------
@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    toggle_url: str

    @property
    def is_dead(self):
        return self.count == 0 and not self.selected


@dataclass
class FacetView:
    param: str
    legend: str
    options: list

    @property
    def selected_count(self):
        return sum(o.selected for o in self.options)


@dataclass
class Chip:
    legend: str
    label: str
    remove_url: str


@dataclass
class Advice:
    text: str
    count: int
    url: str


@dataclass
class Finding:
    form: CaseStudyFilterForm
    base_url: str
    notices: list
    query: object
    sort: str
    facets: list = field(default_factory=list)
    chips: list = field(default_factory=list)
    page_obj: object = None
    results: list = field(default_factory=list)
    total: int = 0
    advice: list = field(default_factory=list)
    suggested_terms: list = field(default_factory=list)
    state: dict = field(default_factory=dict)
    fixed: dict = field(default_factory=dict)
    matching: object = None  # every matching case study, as a pk subquery (for the matrix)

    def url(self, **changes):
        return state_url(self.base_url, {**self.state, **changes}, self.fixed)

    @property
    def clear_url(self):
        return state_url(self.base_url, {"q": self.state.get("q", "")}, self.fixed)

    @property
    def has_filters(self):
        return bool(self.chips)

    def page_url(self, number):
        return self.url(page=number)

    @property
    def sort_options(self):
        options = SORTS if self.query.text else {k: v for k, v in SORTS.items() if k != "relevance"}
        return [(value, label, value == self.sort) for value, label in options.items()]

    @property
    def page_links(self):
        if not self.page_obj or self.page_obj.paginator.num_pages < 2:
            return []
        current, last = self.page_obj.number, self.page_obj.paginator.num_pages
        numbers = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
        return [(n, self.page_url(n), n == current) for n in numbers]

    @property
    def previous_url(self):
        return self.page_url(self.page_obj.previous_page_number()) if self.page_obj and self.page_obj.has_previous() else ""

    @property
    def next_url(self):
        return self.page_url(self.page_obj.next_page_number()) if self.page_obj and self.page_obj.has_next() else ""

    @property
    def hidden_state(self):
        """Fixed facet values for a landing page's form, which cannot be unticked."""
        return [(p, v) for p, values in self.fixed.items() for v in values]


def state_url(base_url, state, fixed=None):
    pairs = []
    for key in ["q", *FACET_PARAMS, "from_year", "to_year", "sort", "page"]:
        value = state.get(key)
        if key in FACET_PARAMS:
            pairs += [(key, v) for v in value or [] if v not in (fixed or {}).get(key, [])]
        elif value not in (None, "", 1 if key == "page" else None):
            pairs.append((key, value))
    return base_url + ("?" + urlencode(pairs) if pairs else "")


# -- the journey ------------------------------------------------------------------------------
class CaseStudySearch:
    def __init__(self, index_page, params, base_url=None, fixed=None):
        self.index_page = index_page
        self.form = CaseStudyFilterForm(params, fixed=fixed)
        self.form.is_valid()
        self.fixed = fixed or {}
        self.base_url = base_url or index_page.url
        self.selections = self.form.selections()
        self.query = parse_query(self.form.value("q") or "", synonym_groups())
        self.from_year, self.to_year = self.form.value("from_year"), self.form.value("to_year")
        requested = self.form.value("sort") or ""
        if requested == "relevance" and self.query.is_empty:
            requested = ""
        self.sort = requested or ("relevance" if not self.query.is_empty else "newest")

    @cached_property
    def published(self):
        """Live, public case studies under this index: the only ones ever counted or shown."""
        return (
            CaseStudyPage.objects.child_of(self.index_page).live().public()
        )

    def year_condition(self):
        condition = Q()
        if self.from_year:
            condition &= Q(start_year__isnull=False) & (Q(end_year__isnull=True) | Q(end_year__gte=self.from_year))
        if self.to_year:
            condition &= Q(start_year__lte=self.to_year)
        return condition

    @cached_property
    def matched_rows(self):
        """(pk, title, summary) of every published case study the words match, newest first;
        None when there are no words. The one full-text query of a request."""
        if self.query.is_empty:
            return None
        rows = CaseStudyPage.objects.filter(pk__in=self.search_rows(self.query)).order_by("-first_published_at", "-pk")
        return list(rows.values_list("pk", "title", "summary")[: MAX_PK_LIST + 1])

    @cached_property
    def matching_query(self):
        """The matching pks as a list, because rebuilding the search subquery inside every
        facet query costs more than the list; a huge match stays a subquery so the list never
        nears PostgreSQL's 65,535 bind-parameter limit."""
        if self.matched_rows is None:
            return None
        if len(self.matched_rows) > MAX_PK_LIST:
            return self.matching(self.query)
        return [row[0] for row in self.matched_rows]

    def search_rows(self, query):
        # Searched through Page, not CaseStudyPage: the index holds the same entries, but the
        # CaseStudyPage content-type filter leads SQLite to test MATCH row by row (10x slower).
        # The ORM narrows to published case studies first (modelsearch#100: no related filters).
        candidates = Page.objects.filter(pk__in=self.published.values("pk"))
        results = candidates.search(query.search_query(), order_by_relevance=False)
        # SearchResults.get_queryset() is the backend's lazy ORM queryset (both database
        # backends have it), so rows can be fetched, or used as a subquery, without objects.
        return results.get_queryset().order_by().values("pk")

    def matching(self, query):
        if query.is_empty:
            return None
        return self.search_rows(query)

    def pages(self, skip=None, drop_query=False, drop_years=False, query=None):
        pages = self.published
        if not drop_years:
            pages = pages.filter(self.year_condition())
        matching = self.matching_query if query is None else self.matching(query)
        if matching is not None and not drop_query:
            pages = pages.filter(pk__in=matching)
        for param, condition in self.conditions.items():
            if param != skip:
                pages = pages.filter(condition)
        return pages

    @cached_property
    def conditions(self):
        return {param: FACETS_BY_PARAM[param].condition(values) for param, values in self.selections.items()}

    def shared_field_counts(self):
        """Counts for every unselected facet that is a plain field of the page, from one
        GROUP BY: an unselected facet's counts are taken within the full selection, so these
        facets share one query instead of one each."""
        facets = [f for f in FACETS if type(f) is ChoiceFacet and f.param not in self.selections]
        if not facets:
            return {}
        rows = self.pages().order_by().values_list(*[f.field_name for f in facets]).annotate(n=Count("pk"))
        totals = {f.param: {} for f in facets}
        for *values, n in rows:
            for facet, value in zip(facets, values):
                totals[facet.param][str(value)] = totals[facet.param].get(str(value), 0) + n
        return {
            f.param: [(str(v), label, totals[f.param].get(str(v), 0)) for v, label in f.choices] for f in facets
        }

    def facet_views(self):
        views = []
        shared = self.shared_field_counts()
        for facet in FACETS:
            if facet.param in self.fixed:
                continue
            chosen = self.selections.get(facet.param, [])
            options = []
            counted = shared.get(facet.param) or facet.counts(self.pages(skip=facet.param).values("pk"))
            for value, label, count in counted:
                now = [v for v in chosen if v != value] if value in chosen else chosen + [value]
                options.append(Option(value, label, count, value in chosen, self._url({facet.param: now, "page": None})))
            views.append(FacetView(facet.param, facet.legend, options))
        return views

    def _url(self, changes):
        return state_url(self.base_url, {**self.state, **changes}, self.fixed)

    @cached_property
    def state(self):
        state = {"q": self.query.text, **self.selections, "from_year": self.from_year, "to_year": self.to_year}
        if self.form.value("sort"):
            state["sort"] = self.sort
        return state

    def chips(self, facet_views):
        chips = []
        for view in facet_views:
            for option in view.options:
                if option.selected:
                    chips.append(Chip(view.legend, option.label, option.toggle_url))
        for name, label in (("from_year", "From"), ("to_year", "To")):
            if self.state.get(name):
                chips.append(Chip("Years", f"{label} {self.state[name]}", self._url({name: None, "page": None})))
        return chips

    def ordered_results(self):
        """Something the paginator can count and slice: a queryset, or (for relevance) a list of
        pks, best first, with title matches ahead of body matches."""
        pages = self.pages()
        if self.sort == "relevance" and isinstance(self.matching_query, list):
            wanted = set(pages.values_list("pk", flat=True))
            return [pk for pk in self.title_matches_first(self.matched_rows) if pk in wanted]
        if self.sort == "title":
            return pages.order_by("title", "pk")
        return pages.order_by("-first_published_at", "-pk")

    def title_matches_first(self, rows):
        """Best match: case studies with more of the reader's concepts in the title first, then
        in the summary, then the newest. Scored here rather than by the backend, so that the
        order is the same on SQLite (whose bm25 ignores field boosts) and PostgreSQL, and so
        that ranking costs one pass over the matches instead of a score subquery per row."""
        patterns = [term_pattern(group) for group in self.query.groups]

        def hits(text):
            return sum(1 for pattern in patterns if pattern.search(text))

        ranked = sorted(rows, key=lambda row: (-hits(row[1]), -hits(row[2])))
        return [row[0] for row in ranked]

    def load(self, object_list):
        """The page of results as pages with what the cards show, in the order given."""
        related = ("partners__organisation", "feature_evidence__feature")
        if isinstance(object_list, list):
            pages = CaseStudyPage.objects.filter(pk__in=object_list).select_related("region").prefetch_related(*related)
            by_pk = {page.pk: page for page in pages}
            return [by_pk[pk] for pk in object_list if pk in by_pk]
        return list(object_list.select_related("region").prefetch_related(*related))

    def run(self, with_results=True):
        notices = list(self.form.notices)
        if self.query.text and self.query.is_empty:
            notices.append(f"We could not search for “{self.query.text}”: it has only very common words "
                           "or no letters or numbers, so we show every case study.")
        finding = Finding(
            form=self.form, base_url=self.base_url, notices=notices, query=self.query, sort=self.sort,
            state=self.state, fixed=self.fixed,
        )
        finding.facets = self.facet_views()
        finding.chips = self.chips(finding.facets)
        finding.matching = self.pages().values("pk")
        if not with_results:
            return finding
        paginator = Paginator(self.ordered_results(), PER_PAGE)
        requested = self.form.value("page") or 1
        finding.page_obj = paginator.get_page(requested)
        if requested > paginator.num_pages and paginator.count:
            notices.append(f"There {'is' if paginator.num_pages == 1 else 'are'} only {paginator.num_pages} "
                           f"page{'s' if paginator.num_pages != 1 else ''} of results, so we show the last one.")
        finding.total = paginator.count
        terms = self.query.highlight_terms()
        finding.results = self.load(finding.page_obj.object_list)
        for page in finding.results:
            page.highlighted_summary = highlight(page.summary, terms)
        if finding.total == 0:
            finding.advice = self.no_results_advice(finding)
            finding.suggested_terms = self.nearest_terms(finding.facets)
        return finding

    def no_results_advice(self, finding):
        """For each active filter, how many case studies there would be without it."""
        advice = []
        if not self.query.is_empty:
            count = self.pages(drop_query=True).count()
            advice.append(Advice(f"Remove your search words “{self.query.text}”", count, self._url({"q": "", "page": None, "sort": None})))
            if len(self.query.groups) > 1:
                # One search per word left out, so only for short queries (bounded work).
                for i, group in enumerate(self.query.groups[:ADVISE_WORDS]):
                    shorter = self.query.without(i)
                    count = self.pages(query=shorter).count()
                    text = " ".join(g[0] for g in shorter.groups)
                    advice.append(Advice(f"Leave out the word “{group[0]}”", count, self._url({"q": text, "page": None})))
        for view in finding.facets:
            chosen = [o.label for o in view.options if o.selected]
            if chosen:
                count = self.pages(skip=view.param).count()
                advice.append(Advice(f"Remove the {view.legend.lower()} filter ({', '.join(chosen)})", count,
                                     self._url({view.param: [], "page": None})))
        if self.from_year or self.to_year:
            count = self.pages(drop_years=True).count()
            advice.append(Advice("Remove the year range", count, self._url({"from_year": None, "to_year": None, "page": None})))
        return sorted(advice, key=lambda a: -a.count)

    def nearest_terms(self, facet_views):
        """Taxonomy terms whose names are close to the reader's words, as links that filter by them."""
        words = words_of(self.query.text)
        if not words:
            return []
        suggestions = []
        for view in facet_views:
            for option in view.options:
                name_words = words_of(option.label)
                close = any(difflib.get_close_matches(w, name_words, n=1, cutoff=0.75) for w in words)
                if close:
                    url = state_url(self.base_url, {view.param: [option.value]}, self.fixed)
                    suggestions.append(Chip(view.legend, option.label, url))
        return suggestions[:8]


def synonym_groups():
    return [group.term_list for group in SynonymGroup.objects.all()]


def find_case_studies(index_page, params, base_url=None, fixed=None, with_results=True):
    return CaseStudySearch(index_page, params, base_url=base_url, fixed=fixed).run(with_results=with_results)
