"""The published reading lists that cover success features: used by the partnership health
check ("the lists that cover the weak features") and the open API's `feature` filter.

A list covers a feature when at least one of its case studies that readers may see (live,
public, under the case-study index: the facet index holds nothing else) shows that feature.
Lists that hold more such case studies come first, then by title. A draft or private list,
and a draft or private case study on a public list, never count."""

from dataclasses import dataclass

from ..models.reading_lists import ReadingListItem, ReadingListPage
from .facet_index import facet_index, positions_of


@dataclass
class Coverage:
    reading_list: ReadingListPage
    count: int  # the list's published case studies that show the feature


def reading_lists_for_features(index_page, feature_slugs, limit=3):
    """{feature slug: [Coverage, …]}, at most `limit` each, best first. Costs the facet index's
    version check, one query for the lists' items and one for the lists, whatever the number of
    features or lists."""
    index = facet_index(index_page)
    showing = {slug: {index.pks[i] for i in positions_of(index.value_mask("feature", slug))} for slug in feature_slugs}
    every = set().union(*showing.values()) if showing else set()
    if not every:
        return {slug: [] for slug in feature_slugs}
    items = ReadingListItem.objects.filter(
        case_study_id__in=every, page__in=ReadingListPage.published_lists()
    ).values_list("page_id", "case_study_id")
    on_list = {}
    for page_id, case_study_id in items:
        on_list.setdefault(page_id, set()).add(case_study_id)
    lists = {page.pk: page for page in ReadingListPage.objects.filter(pk__in=on_list)}
    result = {}
    for slug, pks in showing.items():
        covering = [
            Coverage(lists[page_id], len(case_studies & pks))
            for page_id, case_studies in on_list.items()
            if page_id in lists and case_studies & pks
        ]
        covering.sort(key=lambda c: (-c.count, c.reading_list.title, c.reading_list.pk))
        result[slug] = covering[:limit]
    return result


def reading_lists_covering(index_page, feature_slugs):
    """The ids of the published lists that cover any of these features (the API's filter)."""
    coverage = reading_lists_for_features(index_page, feature_slugs, limit=None)
    return {c.reading_list.pk for found in coverage.values() for c in found}
