"""The finder for machines: the same parameters, selection, order and disjunctive counts as the
HTML listing (the same `CaseStudySearch` on the same facet index), sliced by `offset`/`limit`,
and a strict reading of the parameters: where the HTML finder drops a bad value with a notice,
a machine is told which parameter is wrong."""

import re
from dataclasses import dataclass

from ..rules import EARLIEST_YEAR, latest_year
from .facets import FACETS
from .form import SORTS
from .search import CaseStudySearch

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_OFFSET = 10**9
BOOLEANS = ("true", "false", "1", "0")
LISTING_PARAMS = ["q", "exact", *[facet.param for facet in FACETS], "from_year", "to_year", "sort", "limit", "offset"]


@dataclass
class ApiFinding:
    total: int
    facets: list  # FacetView, as the HTML page's
    results: list  # CaseStudyPage, in the listing's order
    limit: int
    offset: int
    full_text_failed: bool = False
    searched: str = ""  # the words searched: the reader's, or corrected for spelling
    corrected: bool = False
    relaxed: bool = False  # no case study held all the words: these hold some of them
    semantic: bool = False  # case studies close in meaning to the words joined those they match


def _integer(params, name, low, high, default):
    raw = params.get(name)
    if raw in (None, ""):
        return default, None
    try:
        value = int(raw.strip())
    except ValueError:
        return default, f"“{raw[:40]}” is not a whole number."
    if not low <= value <= high:
        return default, f"Must be between {low} and {high}."
    return value, None


def _strict_integer_error(params, name, low, high):
    """What is wrong with a machine's whole-number parameter, if it is given: it must be digits
    alone (no sign but a minus, no spaces, not empty), from `low` to `high`."""
    raw = params.get(name)
    if raw is None:
        return None
    if not re.fullmatch(r"-?[0-9]{1,19}", raw):
        return f"“{raw[:40]}” is not a whole number." if raw else "Empty: give a whole number or leave it out."
    if not low <= int(raw) <= high:
        return f"Must be between {low} and {high}."
    return None


def parameter_errors(params):
    """[(parameter, what is wrong)] for a machine's query string; empty when it is all good."""
    errors = []
    for facet in FACETS:
        allowed = set(facet.values)
        for value in params.getlist(facet.param):
            if value not in allowed:
                errors.append(
                    (facet.param, f"“{value[:40]}” is not a {facet.noun} slug; use one of the listed values.")
                )
    years = (EARLIEST_YEAR, latest_year())
    bounds = {"from_year": years, "to_year": years, "limit": (1, MAX_LIMIT), "offset": (0, MAX_OFFSET)}
    for name, (low, high) in bounds.items():
        error = _strict_integer_error(params, name, low, high)
        if error:
            errors.append((name, error))
    exact = params.get("exact")
    if exact is not None and exact not in BOOLEANS:
        errors.append(("exact", f"“{exact[:40]}” is not true or false (also 1 or 0)."))
    sort = params.get("sort")
    if sort is not None and sort not in SORTS:
        errors.append(("sort", f"“{sort[:40]}” is not a sort order: use {', '.join(SORTS)}."))
    if len(params.get("q", "")) > 1000:
        errors.append(("q", "Too long: at most 1000 characters (the finder uses the first 200)."))
    return errors


def find_for_api(index_page, params):
    """The listing for these (already checked) parameters: total, every facet with its
    disjunctive counts, and `limit` case studies from `offset`."""
    limit, _ = _integer(params, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT)
    offset, _ = _integer(params, "offset", 0, MAX_OFFSET, 0)
    search = CaseStudySearch(index_page, params)
    ordered = search.ordered_results()
    return ApiFinding(
        total=len(ordered),
        facets=search.facet_views(),
        results=search.load(ordered[offset : offset + limit]),
        limit=limit,
        offset=offset,
        full_text_failed=search.full_text_failed,
        searched=search.query.text,
        corrected=search.corrected is not None,
        relaxed=not search.query.is_empty and search.relaxed,
        semantic=bool(search.closest),
    )


def facet_parameters():
    """[(parameter, legend, canonical values)] for the API's documentation."""
    return [(facet.param, facet.legend, list(facet.values)) for facet in FACETS]


def sort_orders():
    return list(SORTS)
