"""What the finder offers when nothing is found: each filter's count without it, and taxonomy
terms whose names are close to the reader's words."""

import difflib

from .finding import Advice, Chip
from .query import words_of


class NoResultsHelp:
    """For CaseStudySearch."""

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
