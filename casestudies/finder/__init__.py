"""The reader's finder: search, facets, landing pages, the evidence matrix, suggestions,
related case studies, comparison and downloads. Other apps use only what is named here."""

from .matrix import build_matrix, feature_pair_counts
from .overview import overview
from .recommend import best_evidence_for_features, clean_context, context_options
from .related import related_case_studies
from .search import find_case_studies

__all__ = [
    "best_evidence_for_features",
    "build_matrix",
    "clean_context",
    "context_options",
    "feature_pair_counts",
    "find_case_studies",
    "overview",
    "related_case_studies",
]
