"""The reader's selection as bitsets over the facet index (`facet_index.py`): what the listing
counts and lists. The words' matches (kept per process, `matches.py`), the relaxed search when
no case study holds every word, the facets and the years; and, when the full-text backend
fails, the words matched in titles and summaries on the index's word indexes."""

import logging

from django.db import DatabaseError
from django.utils.functional import cached_property

from .facet_index import any_of, facet_index, mask_of
from .matches import guarded, matching_pks

# What a failing full-text backend raises: the database backends raise DatabaseError; a search
# server (OpenSearch, Elasticsearch) raises connection and timeout errors.
SEARCH_FAILURES = (DatabaseError, ConnectionError, TimeoutError, OSError)
SEARCH_FAILED_NOTICE = (
    "Full-text search is not working at the moment, so we matched your words in the titles and "
    "summaries of case studies only: a case study that mentions them only in its story is missing "
    "from these results. The filters and counts are right for what is shown."
)

logger = logging.getLogger(__name__)


class Selection:
    """For CaseStudySearch: given its `index_page`, `query`, `selections` and years."""

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
    def keyword_mask(self):
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
