"""The listing's selection in SQL, for downloads, which stream any number of case studies:
the same words, facets and years as the bitsets (`selection.py`), through the registry's
`Facet.condition`."""

from django.db.models import Q
from django.utils.functional import cached_property
from wagtail.models import Page

from ..models.case_study import CaseStudyPage
from .facet_index import any_of, positions_of
from .facets import FACETS_BY_PARAM


class InSql:
    """For CaseStudySearch."""

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
            by_meaning = Q(pk__in=[self.index.pks[i] for i in self.closest])  # as the listing: meaning too
            pages = pages.filter(Q(pk__in=found.get_queryset().order_by().values("pk")) | by_meaning)
        elif not query.is_empty:
            concepts = [query.concept(i) for i in range(len(query.groups))] if relaxed else [query]
            mask = any_of(self.words_mask(concept) for concept in concepts)
            pages = pages.filter(pk__in=[self.index.pks[i] for i in positions_of(mask)])
        for param, values in self.selections.items():
            pages = pages.filter(FACETS_BY_PARAM[param].condition(values))
        return pages
