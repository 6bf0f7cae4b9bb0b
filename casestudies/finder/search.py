"""Finding case studies: request parameters -> validated form -> query -> facet counts -> context.

This module owns the whole journey, as cfpb's filterable list does; the index page's routes and
the templates only pass its result along.

Counting, filtering and ordering work on the in-memory facet index (`facet_index.py`), so a
request costs the same few SQL queries however many case studies match: the index's version
check, at most one full-text search, and the page of results with its prefetches. Only live,
public case studies under the index are ever considered.
"""

import difflib
import logging
from collections import Counter

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.db.models import Q
from django.utils.functional import cached_property
from wagtail.models import Page

from ..models.case_study import CaseStudyPage
from ..models.synonyms import SynonymGroup
from .facet_index import any_of, facet_index, mask_of, positions_of
from .facets import FACETS, FACETS_BY_PARAM
from .finding import Advice, Chip, Correction, FacetView, Finding, Option
from .form import CaseStudyFilterForm
from .matches import _matches, guarded, matching_pks  # noqa: F401 - tests clear the kept matches here
from .query import highlight, parse_query, words_of
from .spelling import corrected_query
from .state import FinderState

PER_PAGE = 20
RELAXED_NOTICE = "No case study matches all of your words; these match some of them."
# What a failing full-text backend raises: the database backends raise DatabaseError; a search
# server (OpenSearch, Elasticsearch) raises connection and timeout errors.
SEARCH_FAILURES = (DatabaseError, ConnectionError, TimeoutError, OSError)
SEARCH_FAILED_NOTICE = (
    "Full-text search is not working at the moment, so we matched your words in the titles and "
    "summaries of case studies only: a case study that mentions them only in its story is missing "
    "from these results. The filters and counts are right for what is shown."
)

logger = logging.getLogger(__name__)


# -- the journey ------------------------------------------------------------------------------
class CaseStudySearch:
    def __init__(self, index_page, params, base_url=None, fixed=None, synonyms=None):
        """`synonyms` defaults to the facet index's; a download, which reads the database
        rather than the index, passes `SynonymGroup.term_lists()`."""
        self.index_page = index_page
        self.form = CaseStudyFilterForm(params, fixed=fixed)
        self.form.is_valid()
        self.fixed = fixed or {}
        self.base_url = base_url or index_page.url
        self.selections = self.form.selections()
        if synonyms is None:
            synonyms = self.index.synonyms
        self.synonyms = synonyms
        self.typed = parse_query(self.form.value("q") or "", synonyms)
        self.as_typed = bool(self.form.value("exact"))
        self.from_year, self.to_year = self.form.value("from_year"), self.form.value("to_year")
        requested = self.form.value("sort") or ""
        if requested == "relevance" and self.typed.is_empty:
            requested = ""
        self.sort = requested or ("relevance" if not self.typed.is_empty else "newest")

    # What is searched: the reader's words, or the words corrected where no case study holds
    # one of them but the bank's vocabulary has a word one or two letters away (spelling.py).
    @cached_property
    def query(self):
        return self.corrected or self.typed

    @cached_property
    def corrected(self):
        """The corrected query, or None. Asked only when no case study holds all the words as
        typed (one search, the one the listing needs anyway): a known word is never changed."""
        if self.as_typed or self.typed.is_empty or self.search_mask(self.typed):
            return None
        return corrected_query(self.typed, self.search_mask, self.index, self.synonyms)

    def correction_notice(self):
        if self.corrected is None:
            return None
        return Correction(
            self.query.text,
            self.state.url(page=None),
            self.typed.text,
            self.state.url(q=self.typed.text, exact="1", page=None),
        )

    # The selection as bitsets over the facet index: what the pages count and list.
    @cached_property
    def index(self):
        return facet_index(self.index_page)

    def search_mask(self, query):
        """Case studies the words match, or None when there are no words. The full-text query
        runs over every page (intersecting with the index is cheaper than filtering in SQL)."""
        if query.is_empty:
            return None
        try:
            with guarded():
                pks = matching_pks(query)
        except SEARCH_FAILURES:
            self.search_failed()
            return self.words_mask(query)
        return self.index.pks_mask(pks)

    # When the full-text backend fails: the reader's words matched in titles and summaries, on
    # the facet index's word indexes (no query), with the same word forms and synonyms.
    full_text_failed = False

    def search_failed(self):
        if not self.full_text_failed:
            logger.exception("Full-text search failed; matching titles and summaries instead")
        self.full_text_failed = True

    def words_mask(self, query):
        mask = self.index.everything
        for group in query.groups:
            terms = query.group_terms(group)
            positions = self.index.title_words.positions_with(terms) | self.index.summary_words.positions_with(terms)
            mask &= mask_of(positions, self.index.size)
        return mask

    @cached_property
    def query_mask(self):
        """Case studies holding all the words; when none within the filters does, those holding
        any of them (`relaxed`), ordered by how many they hold."""
        return any_of(self.concept_masks) if self.relaxed else self.search_mask(self.query)

    @cached_property
    def concept_masks(self):
        return [self.search_mask(self.query.concept(i)) for i in range(len(self.query.groups))]

    @cached_property
    def relaxed(self):
        if len(self.query.groups) < 2:
            return False
        within = self.mask(drop_query=True)
        if self.search_mask(self.query) & within:
            return False
        return bool(any_of(self.concept_masks) & within)

    @cached_property
    def years_mask(self):
        return self.index.years_mask(self.from_year, self.to_year)

    @cached_property
    def condition_masks(self):
        return {param: self.index.facet_mask(param, values) for param, values in self.selections.items()}

    def mask(self, skip=None, drop_query=False, drop_years=False, query=None):
        """The selection, leaving out one facet, the words or the years if asked (for the
        disjunctive counts and the no-results advice), or with other words."""
        mask = self.index.everything if drop_years else self.years_mask
        words = None if drop_query else self.query_mask if query is None else self.search_mask(query)
        if words is not None:
            mask &= words
        for param, condition in self.condition_masks.items():
            if param != skip:
                mask &= condition
        return mask

    def count(self, **kwargs):
        return self.mask(**kwargs).bit_count()

    # The same selection in SQL, for downloads, which stream any number of case studies.
    @cached_property
    def published(self):
        """Live, public case studies under this index: the only ones ever counted or shown."""
        return CaseStudyPage.objects.child_of(self.index_page).published()

    def year_condition(self):
        condition = Q()
        if self.from_year:
            condition &= Q(start_year__isnull=False) & (Q(end_year__isnull=True) | Q(end_year__gte=self.from_year))
        if self.to_year:
            condition &= Q(start_year__lte=self.to_year)
        return condition

    def pages(self, full_text=True):
        """`full_text=False`: the reader's words matched in titles and summaries only, as the
        listing does when the full-text backend fails."""
        pages = self.published.filter(self.year_condition())
        query, relaxed = self.query, not self.query.is_empty and self.relaxed
        if not query.is_empty and full_text:
            found = Page.objects.filter(pk__in=self.published.values("pk")).search(
                query.any_word_query() if relaxed else query.search_query(), order_by_relevance=False
            )
            pages = pages.filter(pk__in=found.get_queryset().order_by().values("pk"))
        elif not query.is_empty:
            concepts = [query.concept(i) for i in range(len(query.groups))] if relaxed else [query]
            mask = any_of(self.words_mask(concept) for concept in concepts)
            pages = pages.filter(pk__in=[self.index.pks[i] for i in positions_of(mask)])
        for param, values in self.selections.items():
            pages = pages.filter(FACETS_BY_PARAM[param].condition(values))
        return pages

    # What the page shows.
    def facet_views(self):
        views = []
        for facet in FACETS:
            if facet.param in self.fixed:
                continue
            chosen = self.selections.get(facet.param, [])
            within = self.mask(skip=facet.param)
            values = self.index.values[facet.param]
            options = []
            for value, label in self.index.options[facet.param]:
                count = (within & values.get(value, 0)).bit_count()
                now = [v for v in chosen if v != value] if value in chosen else chosen + [value]
                options.append(
                    Option(value, label, count, value in chosen, self.state.url(**{facet.param: now, "page": None}))
                )
            views.append(FacetView(facet.param, facet.legend, options))
        return views

    @cached_property
    def state(self):
        values = {
            "q": self.query.text,
            "exact": "1" if self.as_typed else None,
            **self.selections,
            "from_year": self.from_year,
            "to_year": self.to_year,
        }
        if self.form.value("sort"):
            values["sort"] = self.sort
        return FinderState(self.base_url, values, self.fixed)

    def chips(self, facet_views):
        chips = []
        for view in facet_views:
            for option in view.options:
                if option.selected:
                    chips.append(Chip(view.legend, option.label, option.toggle_url))
        for name, label in (("from_year", "From"), ("to_year", "To")):
            if self.state.get(name):
                chips.append(Chip("Years", f"{label} {self.state[name]}", self.state.url(**{name: None, "page": None})))
        return chips

    def ordered_results(self):
        """The pks of the whole selection in the chosen order, for the paginator."""
        positions = positions_of(self.mask())  # newest first
        if self.sort == "relevance":
            positions = self.title_matches_first(positions)
        elif self.sort == "title":
            positions.sort(key=self.index.title_rank.__getitem__)
        if self.relaxed:  # most of the reader's words first, then the order chosen
            held = Counter(i for mask in self.concept_masks for i in positions_of(mask))
            positions.sort(key=lambda i: -held[i])
        return [self.index.pks[i] for i in positions]

    def title_matches_first(self, positions):
        """Best match: case studies with more of the reader's concepts in the title first, then
        in the summary, then the newest. Scored here rather than by the backend, so that the
        order is the same on SQLite (whose bm25 ignores field boosts) and PostgreSQL; the
        index's word look-ups cost the same whether one case study matches or ten thousand."""
        concepts = len(self.query.groups)
        score = {}
        for group in self.query.groups:
            terms = self.query.group_terms(group)
            for i in self.index.title_words.positions_with(terms):
                score[i] = score.get(i, 0) + concepts + 1  # a title hit outweighs every summary hit
            for i in self.index.summary_words.positions_with(terms):
                score[i] = score.get(i, 0) + 1
        return sorted(positions, key=lambda i: -score.get(i, 0))

    def load(self, pks):
        """The page of results as pages with what the cards show, in the order given."""
        related = ("partners__organisation", "feature_evidence__feature")
        pages = (
            CaseStudyPage.objects.filter(pk__in=pks)
            .defer_streamfields()
            .select_related("region")
            .prefetch_related(*related)
        )
        by_pk = {page.pk: page for page in pages}
        return [by_pk[pk] for pk in pks if pk in by_pk]

    def run(self, with_results=True, load=True):
        """The finding. `load=False`: the page of results is chosen (`result_pks`) but read from
        the database only when `finding.results` is first used, so that a rendering or cards kept
        for them can be used instead (views.py, cards.py)."""
        notices = list(self.form.notices)
        if self.typed.text and self.typed.is_empty:
            notices.append(
                f"We could not search for “{self.typed.text}”: it has only very common words "
                "or no letters or numbers, so we show every case study."
            )
        finding = Finding(
            form=self.form,
            state=self.state,
            notices=notices,
            query=self.query,
            sort=self.sort,
            index=self.index,
            selection=self.mask(),
        )
        finding.facets = self.facet_views()
        finding.chips = self.chips(finding.facets)
        finding.correction = self.correction_notice()
        if self.relaxed:
            notices.append(RELAXED_NOTICE)
        if self.full_text_failed:
            notices.append(SEARCH_FAILED_NOTICE)
        if not with_results:
            finding.full_text_failed = self.full_text_failed
            return finding
        paginator = Paginator(self.ordered_results(), PER_PAGE)
        requested = self.form.value("page") or 1
        finding.page_obj = paginator.get_page(requested)
        if requested > paginator.num_pages and paginator.count:
            notices.append(
                f"There {'is' if paginator.num_pages == 1 else 'are'} only {paginator.num_pages} "
                f"page{'s' if paginator.num_pages != 1 else ''} of results, so we show the last one."
            )
        finding.total = paginator.count
        finding.result_pks = list(finding.page_obj.object_list)
        finding.load_results = lambda: self.loaded(finding.result_pks)
        if load:
            finding.results  # noqa: B018 - read now, as the API and the feeds use them all
        if finding.total == 0:
            finding.advice = self.no_results_advice(finding)
            finding.suggested_terms = self.nearest_terms(finding.facets)
        if self.full_text_failed and SEARCH_FAILED_NOTICE not in notices:
            notices.append(SEARCH_FAILED_NOTICE)
        finding.full_text_failed = self.full_text_failed
        return finding

    def loaded(self, pks):
        """The pages of `pks` with their summaries highlighted for the reader's words."""
        terms = self.query.highlight_terms()
        pages = self.load(pks)
        for page in pages:
            page.highlighted_summary = highlight(page.summary, terms)
        return pages

    def no_results_advice(self, finding):
        """For each active filter, how many case studies there would be without it."""
        advice = []
        if not self.query.is_empty:
            count = self.count(drop_query=True)
            advice.append(
                Advice(
                    f"Remove your search words “{self.query.text}”", count, self.state.url(q="", page=None, sort=None)
                )
            )
        for view in finding.facets:
            chosen = [o.label for o in view.options if o.selected]
            if chosen:
                count = self.count(skip=view.param)
                advice.append(
                    Advice(
                        f"Remove the {view.legend.lower()} filter ({', '.join(chosen)})",
                        count,
                        self.state.url(**{view.param: [], "page": None}),
                    )
                )
        if self.from_year or self.to_year:
            count = self.count(drop_years=True)
            advice.append(
                Advice("Remove the year range", count, self.state.url(from_year=None, to_year=None, page=None))
            )
        # Only what gives results (leaving out one of several words never does: with no case
        # study holding any of them within the filters, the search is already relaxed to any).
        return sorted((a for a in advice if a.count), key=lambda a: -a.count)

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
                    url = self.state.only(**{view.param: [option.value]})
                    suggestions.append(Chip(view.legend, option.label, url))
        return suggestions[:8]


def find_case_studies(index_page, params, base_url=None, fixed=None, with_results=True):
    return CaseStudySearch(index_page, params, base_url=base_url, fixed=fixed).run(with_results=with_results)


def selected_pages(index_page, params, full_text=True):
    """The published case studies the listing shows for these parameters, as a queryset: a
    download streams any number of them, so it selects in SQL rather than on the index.
    `full_text=False` when the full-text backend has failed (see `CaseStudySearch.pages`)."""
    return CaseStudySearch(index_page, params, synonyms=SynonymGroup.term_lists()).pages(full_text=full_text)
