"""The reader's finder: search, facets, landing pages, the evidence matrix, suggestions,
related case studies, comparison and downloads. Other apps use only what is named here."""

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
from .reading_lists import reading_lists_covering, reading_lists_for_features
from .recommend import best_evidence_for_features, clean_context, context_options
from .related import case_study_rendering_parts, related_case_studies
from .search import find_case_studies
from .state import listing_url

__all__ = [
    "DEFAULT_LIMIT",
    "LISTING_PARAMS",
    "MAX_LIMIT",
    "MAX_OFFSET",
    "best_evidence_for_features",
    "build_matrix",
    "case_study_rendering_parts",
    "clean_context",
    "context_options",
    "facet_parameters",
    "feature_pair_counts",
    "find_case_studies",
    "find_for_api",
    "listing_url",
    "overview",
    "parameter_errors",
    "reading_lists_covering",
    "reading_lists_for_features",
    "related_case_studies",
    "sort_orders",
]
