"""Related case studies for the foot of a case-study page, ranked on the facet index."""

from ..models.case_study import CaseStudyPage
from ..models.case_study_rows import CaseStudyFeatureEvidence
from ..models.index_page import CaseStudyIndexPage
from ..models.taxonomy import SuccessFeature
from .facet_index import facet_index, positions_of


def related_case_studies(page, limit=3):
    """Other live, public case studies sharing the most success features and purposes (then
    the most features, then the newest): the same few small queries however many there are."""
    evidence = list(page.feature_evidence.all())  # a preview's are the draft's, in memory
    if all(CaseStudyFeatureEvidence.feature.is_cached(item) for item in evidence):  # a page served
        features = [item.feature.slug for item in evidence]
    else:
        ids = [item.feature_id for item in evidence]
        features = list(SuccessFeature.objects.filter(pk__in=ids).values_list("slug", flat=True))
    purposes = [purpose.slug for purpose in page.purposes.all()]
    if not features and not purposes:
        return []
    index_page = CaseStudyIndexPage.above(page) or page.get_parent()
    if index_page is None:
        return []
    index = facet_index(index_page)
    pks = related_pks(index, page.pk, features, purposes, limit)
    pages = CaseStudyPage.objects.filter(pk__in=pks).defer_streamfields().select_related("region")
    pages = {page.pk: page for page in pages}
    return [pages[pk] for pk in pks if pk in pages]


def related_pks(index, pk, features, purposes, limit):
    feature_masks = [index.value_mask("feature", slug) for slug in features]
    purpose_masks = [index.value_mask("purpose", slug) for slug in purposes]
    own = index.positions.get(pk)
    others = index.everything & ~(1 << own) if own is not None else index.everything
    best = ranked_positions(feature_masks + purpose_masks, feature_masks, others, limit)
    return [index.pks[i] for i in best]


def case_study_rendering_parts(page, limit=3):
    """What a published case study's page shows that can change while the facet index keeps its
    generation: the page's own live revision and its related case studies' (ranked as
    `related_case_studies` ranks them, on the index alone). None for a page the index does not
    hold (not live, private, or not under the case-study index)."""
    index_page = CaseStudyIndexPage.above(page)
    if index_page is None:
        return None
    index = facet_index(index_page)
    own = index.positions.get(page.pk)
    if own is None:
        return None
    bit = 1 << own
    features, purposes = ([v for v, mask in index.values[p].items() if mask & bit] for p in ("feature", "purpose"))
    related = related_pks(index, page.pk, features, purposes, limit) if features or purposes else []
    return (
        index.generation,
        page.pk,
        index.revisions[own],
        tuple((pk, index.revisions[index.positions[pk]]) for pk in related),
    )


def at_least(masks, within):
    """levels[k]: the positions (in `within`) set in at least k of the masks, by bit arithmetic
    on the whole bitsets, so ranking costs the same few operations however many share a term."""
    levels = [within] + [0] * len(masks)
    for mask in masks:
        for k in range(len(masks), 0, -1):
            levels[k] |= levels[k - 1] & mask
    return levels


def ranked_positions(all_masks, feature_masks, within, limit):
    """Up to `limit` positions sharing the most masks, then the most feature masks, then the
    lowest position (the newest): what sorting every candidate by that key would give."""
    total, by_feature = at_least(all_masks, within), at_least(feature_masks, within)
    found = []
    for k in range(len(all_masks), 0, -1):
        exactly = total[k] & ~(total[k + 1] if k + 1 < len(total) else 0)
        for f in range(len(feature_masks), -1, -1):
            group = exactly & by_feature[f] & ~(by_feature[f + 1] if f + 1 < len(by_feature) else 0)
            if group:
                found += positions_of(group)[: limit - len(found)]
                if len(found) >= limit:
                    return found
    return found
