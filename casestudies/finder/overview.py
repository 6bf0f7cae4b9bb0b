"""The bank at a glance, for the home page: how many case studies, the newest ones and the
feature-by-lever matrix, read from the facet index (the same few queries at any size)."""

from dataclasses import dataclass, field

from ..models.case_study import CaseStudyPage
from .facet_index import facet_index
from .matrix import Matrix, build_matrix, index_matrix
from .state import FinderState


@dataclass
class Overview:
    published_count: int = 0
    latest_case_studies: list = field(default_factory=list)
    matrix: Matrix | None = None


# The home page's matrix depends only on the index (one per findable-content token) and the
# listing's address: worked out once per change rather than on every visit.
_matrices = {}


def home_matrix(caption, index, base_url):
    key = (index.version, base_url)
    matrix = _matrices.get(key)
    if matrix is None:
        matrix = index_matrix(caption, "lever", index, index.everything, FinderState(base_url))
        _matrices.clear()
        _matrices[key] = matrix
    return matrix


def overview(index_page, latest=4):
    """`index_page` may be None (a new site with no case-study index yet)."""
    caption = "Case studies by success feature and policy lever"
    if index_page is None:
        return Overview(matrix=build_matrix(caption, "lever", count=lambda feature, lever: 0))
    index = facet_index(index_page)
    pks = index.pks[:latest]
    pages = {p.pk: p for p in CaseStudyPage.objects.filter(pk__in=pks).defer_streamfields().select_related("region")}
    return Overview(
        published_count=index.size,
        latest_case_studies=[pages[pk] for pk in pks if pk in pages],
        matrix=home_matrix(caption, index, index_page.url),
    )
