"""The evidence matrix: how many published case studies show each success feature under each
policy lever (and for each purpose), for whatever filters are active. Empty cells are gaps."""

from dataclasses import dataclass

from django.db.models import Count

from .models import CaseStudyFeatureEvidence, PolicyLever, Purpose, SuccessFeature
from .search import state_url

SHADES = 4  # cells are shaded in four steps of the largest count; 0 is a gap


@dataclass
class Cell:
    count: int
    url: str
    shade: int
    row_label: str
    column_label: str


@dataclass
class Matrix:
    caption: str
    column_param: str
    columns: list
    rows: list  # (feature, [Cell], total)

    @property
    def gap_count(self):
        return sum(1 for _, cells, _ in self.rows for cell in cells if not cell.count)


def feature_pair_counts(pages, lookup):
    """{(feature slug, term slug): case studies among `pages` showing both}, in one query.

    `lookup` reaches the other term from CaseStudyFeatureEvidence, e.g. "page__policy_levers__slug".
    The coverage report counts through here; the public pages count on the facet index.
    """
    return {
        (feature, term): n
        for feature, term, n in CaseStudyFeatureEvidence.objects.filter(page__in=pages)
        .exclude(**{f"{lookup}__isnull": True}).order_by()
        .values_list("feature__slug", lookup).annotate(n=Count("page", distinct=True))
    }


def evidence_matrices(index_page, finding):
    """Both matrices for the finding's selection, counted on its facet index (no SQL counts)."""
    index, selection = finding.index, finding.selection
    features = list(SuccessFeature.objects.order_by("sort_order"))
    within = {f.slug: index.value_mask("feature", f.slug) & selection for f in features}
    totals = {slug: mask.bit_count() for slug, mask in within.items()}
    matrices = []
    for param, model, caption in (("lever", PolicyLever, "Success features by policy lever"),
                                  ("purpose", Purpose, "Success features by purpose")):
        columns = list(model.objects.order_by("sort_order"))
        counts = {
            (feature, column.slug): (mask & index.value_mask(param, column.slug)).bit_count()
            for feature, mask in within.items() for column in columns
        }
        matrices.append(build(index_page, finding, features, totals, param, columns, counts, caption))
    return matrices


def build(index_page, finding, features, totals, param, columns, counts, caption):
    largest = max(counts.values(), default=0)
    rows = []
    for feature in features:
        cells = []
        for column in columns:
            n = counts.get((feature.slug, column.slug), 0)
            state = {**finding.state, "feature": [feature.slug], param: [column.slug], "page": None}
            shade = 0 if not n else max(1, round(SHADES * n / largest))
            cells.append(Cell(n, state_url(index_page.url, state), shade, feature.name, column.name))
        rows.append((feature, cells, totals.get(feature.slug, 0)))
    return Matrix(caption, param, columns, rows)
