"""The reader's finder: search, facets, landing pages, the evidence matrix, suggestions,
related case studies and downloads. Other apps use only what is named here."""

from .matrix import build_matrix, feature_pair_counts
from .overview import overview
from .related import related_case_studies
from .search import find_case_studies

__all__ = ["build_matrix", "feature_pair_counts", "find_case_studies", "overview", "related_case_studies"]
