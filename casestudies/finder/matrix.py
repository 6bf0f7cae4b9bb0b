"""The one evidence-matrix builder: success features down the side, another taxonomy across,
and in each cell how many case studies show both. The public matrix page and the home page
count on the facet index; the editors' coverage report counts in SQL; all three build here."""

from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Count

from ..models.case_study_rows import CaseStudyFeatureEvidence
from ..models.taxonomy import PolicyLever, Purpose, SuccessFeature

SHADES = 4  # cells are shaded in four steps of the largest count; 0 is a gap


@dataclass
class Cell:
    count: int
    url: str
    shade: int
    row_label: str
    column_label: str
    assessment: str = ""  # the coverage report's "gap" or "thin"


@dataclass
class Matrix:
    caption: str
    column_param: str
    columns: list
    rows: list  # (feature, [Cell], total)

    @property
    def gap_count(self):
        return sum(1 for _, cells, _ in self.rows for cell in cells if not cell.count)

    def cells(self):
        for feature, cells, _ in self.rows:
            for column, cell in zip(self.columns, cells):
                yield feature, column, cell


COLUMNS = {"lever": PolicyLever, "purpose": Purpose}


class Term(NamedTuple):
    """A taxonomy term as the facet index holds it: slug and name, in display order."""

    slug: str
    name: str


def build_matrix(caption, column_param, count, total=None, url=None, assess=None, features=None, columns=None):
    """A Matrix of success features × the `column_param` taxonomy ("lever" or "purpose").

    `count(feature_slug, column_slug)` gives a cell, `total(feature_slug)` a row's total,
    `url(feature, column)` a cell's link, `assess(count)` its coverage note. `features` and
    `columns` (terms with a slug and a name) are read from the taxonomies unless given."""
    features = list(SuccessFeature.objects.order_by("sort_order") if features is None else features)
    columns = list(COLUMNS[column_param].objects.order_by("sort_order") if columns is None else columns)
    counts = {(f.slug, c.slug): count(f.slug, c.slug) for f in features for c in columns}
    largest = max(counts.values(), default=0)
    rows = []
    for feature in features:
        cells = []
        for column in columns:
            n = counts[feature.slug, column.slug]
            shade = 0 if not n else max(1, round(SHADES * n / largest))
            cells.append(
                Cell(
                    n,
                    url(feature, column) if url else "",
                    shade,
                    feature.name,
                    column.name,
                    assess(n) if assess else "",
                )
            )
        rows.append((feature, cells, total(feature.slug) if total else sum(c.count for c in cells)))
    return Matrix(caption, column_param, columns, rows)


def index_matrix(caption, column_param, index, selection, state=None):
    """A matrix counted on the facet index over `selection` (a mask); cells link to the
    listing of `state` narrowed to the cell's two terms."""
    within = {slug: index.value_mask("feature", slug) & selection for slug in index.values["feature"]}

    def count(feature, column):
        return (within.get(feature, 0) & index.value_mask(column_param, column)).bit_count()

    def url(feature, column):
        return state.url(feature=[feature.slug], **{column_param: [column.slug]}, page=None)

    return build_matrix(
        caption,
        column_param,
        count,
        total=lambda f: within.get(f, 0).bit_count(),
        url=url if state else None,
        features=[Term(*option) for option in index.options["feature"]],
        columns=[Term(*option) for option in index.options[column_param]],
    )


def evidence_matrices(index_page, finding):
    """Both matrices for the finding's selection, counted on its facet index (no SQL counts)."""
    listing = finding.state.at(index_page.url)
    return [
        index_matrix("Success features by policy lever", "lever", finding.index, finding.selection, listing),
        index_matrix("Success features by purpose", "purpose", finding.index, finding.selection, listing),
    ]


def feature_pair_counts(pages, column_param):
    """{(feature slug, term slug): case studies among `pages` showing both}, in one SQL query,
    for the coverage report."""
    lookup = {"lever": "page__policy_levers__slug", "purpose": "page__purposes__slug"}[column_param]
    return {
        (feature, term): n
        for feature, term, n in CaseStudyFeatureEvidence.objects.filter(page__in=pages)
        .exclude(**{f"{lookup}__isnull": True})
        .order_by()
        .values_list("feature__slug", lookup)
        .annotate(n=Count("page", distinct=True))
    }
