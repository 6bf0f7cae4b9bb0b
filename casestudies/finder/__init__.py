"""The reader's finder: search, facets, landing pages, the evidence matrix, suggestions,
related case studies and downloads. Other apps use only what is named here."""

from .api import (
    DEFAULT_LIMIT,
    LISTING_PARAMS,
    MAX_LIMIT,
    MAX_OFFSET,
    facet_parameters,
    find_for_api,
    parameter_errors,
    sort_orders,
)
from .matrix import build_matrix, feature_pair_counts
from .overview import overview
from .related import related_case_studies
from .search import find_case_studies

__all__ = [
    "DEFAULT_LIMIT",
    "LISTING_PARAMS",
    "MAX_LIMIT",
    "MAX_OFFSET",
    "build_matrix",
    "facet_parameters",
    "feature_pair_counts",
    "find_case_studies",
    "find_for_api",
    "overview",
    "parameter_errors",
    "related_case_studies",
    "sort_orders",
]
