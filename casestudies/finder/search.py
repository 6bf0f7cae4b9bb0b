"""Finding case studies: request parameters -> validated form -> query -> facet counts -> context.

This module owns the whole journey, as cfpb's filterable list does; the index page's routes and
the templates only pass its result along.

Counting, filtering and ordering work on the in-memory facet index (`facet_index.py`), so a
request costs the same few SQL queries however many case studies match: the index's version
check, at most one full-text search, and the page of results with its prefetches. Only live,
public case studies under the index are ever considered.
"""

from collections import Counter

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from ..models.case_study import CaseStudyPage
from ..models.synonyms import SynonymGroup
from .facet_index import positions_of
from .facets import FACETS
from .finding import Chip, Correction, FacetView, Finding, Option
from .form import CaseStudyFilterForm
from .in_sql import InSql
from .meaning import ByMeaning
from .no_results import NoResultsHelp
from .query import highlight, parse_query
from .selection import SEARCH_FAILED_NOTICE, Selection
from .spelling import corrected_query
from .state import FinderState

PER_PAGE = 20
RELAXED_NOTICE = "No case study matches all of your words; these match some of them."


class CaseStudySearch(Selection, ByMeaning, InSql, NoResultsHelp):
    """The journey. Its parts: the selection as bitsets (`selection.py`), search by meaning
    (`meaning.py`), the same selection in SQL for downloads (`in_sql.py`), and the help when
    nothing is found (`no_results.py`)."""

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
        positions = self.fused(positions) if self.sort == "relevance" and self.closest else positions
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
            page.why_matched = self.why_matched(page.pk)
        return pages


def find_case_studies(index_page, params, base_url=None, fixed=None, with_results=True):
    return CaseStudySearch(index_page, params, base_url=base_url, fixed=fixed).run(with_results=with_results)


def selected_pages(index_page, params, full_text=True):
    """The published case studies the listing shows for these parameters, as a queryset: a
    download streams any number of them, so it selects in SQL rather than on the index.
    `full_text=False` when the full-text backend has failed (see `CaseStudySearch.pages`)."""
    return CaseStudySearch(index_page, params, synonyms=SynonymGroup.term_lists()).pages(full_text=full_text)
