"""The one builder of finder addresses: a reader's state (words, facet values, years, sort,
page) as a query string on some base address. Every link the finder makes (facet toggles,
chips, pagination, advice, matrix cells, downloads) goes through `FinderState.url`."""

from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import quote_plus

from .facets import FACETS

FACET_PARAMS = [facet.param for facet in FACETS]
ORDER = ["q", "exact", *FACET_PARAMS, "from_year", "to_year", "sort", "page"]


@dataclass(frozen=True)
class FinderState:
    base_url: str
    values: dict = field(default_factory=dict)
    fixed: dict = field(default_factory=dict)  # a landing page's own term, part of its address

    def __getitem__(self, key):  # so templates can read finding.state.from_year
        return self.values.get(key)

    def get(self, key, default=None):
        return self.values.get(key, default)

    def url(self, **changes):
        """This state's address with some values changed (None or [] removes one)."""
        return self.base_url + self.query_string({**self.values, **changes})

    def only(self, **values):
        """An address on the same base with nothing but these values (and the fixed ones)."""
        return self.base_url + self.query_string(values)

    def at(self, base_url):
        """The same choices, a landing page's own term included, on another page (from the
        matrix to the full listing)."""
        return FinderState(base_url, self.values)

    def query_string(self, values):
        pairs = []
        for key in ORDER:
            value = values.get(key)
            if key in FACET_PARAMS:
                pairs += [(key, v) for v in value or [] if v not in self.fixed.get(key, [])]
            elif value not in (None, "", 1 if key == "page" else None):
                pairs.append((key, value))
        return "?" + "&".join(f"{quoted(key)}={quoted(str(value))}" for key, value in pairs) if pairs else ""


def listing_url(base_url, **values):
    """The finder's listing at `base_url` filtered to these facet values (lists of slugs)."""
    return FinderState(base_url).only(**values)


@lru_cache(maxsize=4096)
def quoted(text):
    """As urlencode quotes: the same slugs recur in every link of a page, so each is quoted once."""
    return quote_plus(text)
