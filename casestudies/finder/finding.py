"""What a finder template receives: one `Finding`, with its facets, chips, results and links."""

from dataclasses import dataclass, field

from .form import SORTS, CaseStudyFilterForm
from .state import FinderState


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
class Correction:
    """'Showing results for <corrected>. Search instead for <typed>', each a link."""

    corrected: str
    corrected_url: str
    typed: str
    typed_url: str


@dataclass
class Finding:
    form: CaseStudyFilterForm
    state: FinderState
    notices: list
    query: object
    sort: str
    facets: list = field(default_factory=list)
    chips: list = field(default_factory=list)
    page_obj: object = None
    loaded_results: list = None  # see `results`
    load_results: object = None  # reads the page of results when first asked for them
    result_pks: list = field(default_factory=list)  # the page of results, in order
    cards: list = field(default_factory=list)  # their cards' HTML, for the finder's pages (cards.py)
    total: int = 0
    advice: list = field(default_factory=list)
    suggested_terms: list = field(default_factory=list)
    correction: Correction = None  # the reader's words corrected for spelling (spelling.py)
    index: object = None  # the facet index the counts came from
    selection: int = 0  # every matching case study, as a mask over the index (for the matrix)
    # The full-text backend failed: words were matched in titles and summaries only. Such a
    # page is never stored by the response cache (see views.py), so it ends with the fault.
    full_text_failed: bool = False

    @property
    def results(self):
        """The page of results as case-study pages, read from the database on first use: the
        finder's own pages show `cards` instead, and read only the pages whose cards are not kept."""
        if self.loaded_results is None:
            self.loaded_results = self.load_results() if self.load_results is not None else []
        return self.loaded_results

    def rendering_parts(self):
        """Everything this finding puts on a page that can change while the facet index keeps
        its generation (see `FacetIndex.generation`): the counts, the page of results with each
        one's live revision, the advice and the notices. The rest follows from the address."""
        index = self.index
        return (
            index.generation,
            self.total,
            tuple(option.count for facet in self.facets for option in facet.options),
            tuple((pk, index.revisions[index.positions[pk]]) for pk in self.result_pks),
            tuple((advice.text, advice.count) for advice in self.advice),
            tuple(self.notices),
            self.correction and (self.correction.corrected, self.correction.typed),
        )

    @property
    def base_url(self):
        return self.state.base_url

    @property
    def fixed(self):
        return self.state.fixed

    def url(self, **changes):
        return self.state.url(**changes)

    @property
    def clear_url(self):
        return self.state.only(q=self.state.get("q", ""))

    @property
    def download_query(self):
        """The query string that makes a download hold what this finding lists."""
        return self.state.at("").url(page=None)

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
        return (
            self.page_url(self.page_obj.previous_page_number())
            if self.page_obj and self.page_obj.has_previous()
            else ""
        )

    @property
    def next_url(self):
        return self.page_url(self.page_obj.next_page_number()) if self.page_obj and self.page_obj.has_next() else ""

    @property
    def hidden_state(self):
        """Fixed facet values for a landing page's form, which cannot be unticked."""
        return [(p, v) for p, values in self.fixed.items() for v in values]
