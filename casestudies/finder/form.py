"""The finding form: URL parameters in, clean values and plain-English notices out.

Bad input never makes the form invalid, so the page always shows results: unknown values are
dropped, years are clamped, and each correction is reported as a notice the reader can see.
"""

from django import forms
from django.utils.text import Truncator

from ..rules import EARLIEST_YEAR, latest_year
from .facets import FACETS
from .query import MAX_QUERY_LENGTH, clean_query

SORTS = {"relevance": "Best match", "newest": "Newest first", "title": "Title A to Z"}
# Every URL parameter the finder's pages read (the response cache keys on these alone).
FINDER_PARAMS = ("q", "exact", "from_year", "to_year", "sort", "page", *(facet.param for facet in FACETS))


def shown(value, length=40):
    return Truncator(clean_query(value) or "(blank)").chars(length)


class CaseStudyFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search case studies")
    exact = forms.BooleanField(required=False)  # search the words as typed, never corrected
    from_year = forms.IntegerField(required=False, label="From year")
    to_year = forms.IntegerField(required=False, label="To year")
    sort = forms.ChoiceField(required=False, choices=SORTS.items(), label="Sort by")
    page = forms.IntegerField(required=False, min_value=1)

    def __init__(self, params, fixed=None):
        """`params` is request.GET; `fixed` pins facet values (a feature or lever landing page)."""
        self.notices = []
        self.fixed = fixed or {}
        super().__init__(self._sanitise(params))
        for facet in FACETS:
            self.fields[facet.param] = forms.MultipleChoiceField(required=False, choices=[(v, v) for v in facet.values])

    def _sanitise(self, params):
        data = {}
        raw_q = params.get("q", "")
        data["q"] = clean_query(raw_q)
        data["exact"] = params.get("exact", "")
        if len(" ".join(raw_q.split())) > MAX_QUERY_LENGTH:
            self.notices.append(
                f"Your search was longer than {MAX_QUERY_LENGTH} characters, so we used the first {MAX_QUERY_LENGTH}."
            )
        for facet in FACETS:
            allowed, kept, ignored = set(facet.values), [], []
            # Repeated values count once; unknown ones make at most one notice per parameter.
            for value in dict.fromkeys(params.getlist(facet.param)):
                (kept if value in allowed else ignored).append(value)
            data[facet.param] = kept
            if len(ignored) == 1:
                self.notices.append(f"We ignored “{shown(ignored[0])}”, which is not a {facet.noun} we know.")
            elif ignored:
                self.notices.append(
                    f"We ignored {len(ignored):,} values of “{facet.legend}” that we do not know, "
                    f"such as “{shown(ignored[0])}”."
                )
        years = {
            name: self._year(params.get(name), label) for name, label in (("from_year", "from"), ("to_year", "to"))
        }
        if years["from_year"] and years["to_year"] and years["from_year"] > years["to_year"]:
            years["from_year"], years["to_year"] = years["to_year"], years["from_year"]
            self.notices.append("The “from” year was after the “to” year, so we swapped them.")
        data.update({k: v for k, v in years.items() if v is not None})
        sort = params.get("sort", "")
        if sort and sort not in SORTS:
            self.notices.append(f"We ignored the sort order “{shown(sort)}” and used the default.")
            sort = ""
        data["sort"] = sort
        page = params.get("page", "")
        if page:
            try:
                data["page"] = max(1, int(page.strip()))
            except ValueError:
                self.notices.append(f"“{shown(page)}” is not a page number, so we show the first page.")
        return data

    def _year(self, value, label):
        if value in (None, ""):
            return None
        try:
            year = int(value.strip())
        except ValueError:
            self.notices.append(f"We ignored the “{label}” year “{shown(value)}”: enter a year such as 2019.")
            return None
        low, high = EARLIEST_YEAR, latest_year()
        if not low <= year <= high:
            clamped = min(max(year, low), high)
            self.notices.append(
                f"Years run from {low} to {high}, so we used {clamped} instead of {shown(str(year), 12)}."
            )
            return clamped
        return year

    def selections(self):
        """{param: [values]} for every active facet, fixed ones included."""
        data = self.cleaned_data if self.is_valid() else {}
        chosen = {facet.param: list(data.get(facet.param) or []) for facet in FACETS}
        for param, values in self.fixed.items():
            chosen[param] = list(values)  # a landing page's own term replaces any other choice
        return {param: values for param, values in chosen.items() if values}

    def value(self, name):
        return (self.cleaned_data if self.is_valid() else {}).get(name)
