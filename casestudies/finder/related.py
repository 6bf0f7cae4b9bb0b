"""Related case studies for the foot of a case-study page, ranked on the facet index."""

from ..models.case_study import CaseStudyPage
from ..models.taxonomy import SuccessFeature
from .facet_index import facet_index, positions_of


def related_case_studies(page, limit=3):
    """Other live, public case studies sharing the most success features and purposes (then
    the most features, then the newest): the same few small queries however many there are."""
    feature_ids = [item.feature_id for item in page.feature_evidence.all()]
    purposes = [purpose.slug for purpose in page.purposes.all()]
    if not feature_ids and not purposes:
        return []
    index_page = page.get_parent()
    if index_page is None:
        return []
    index = facet_index(index_page)
    features = SuccessFeature.objects.filter(pk__in=feature_ids).values_list("slug", flat=True)
    shared_features, shared = {}, {}
    for param, slugs in (("feature", features), ("purpose", purposes)):
        for slug in slugs:
            for i in positions_of(index.value_mask(param, slug)):
                shared[i] = shared.get(i, 0) + 1
                if param == "feature":
                    shared_features[i] = shared_features.get(i, 0) + 1
    own = index.positions.get(page.pk)
    best = sorted((i for i in shared if i != own), key=lambda i: (-shared[i], -shared_features.get(i, 0), i))
    pks = [index.pks[i] for i in best[:limit]]
    pages = CaseStudyPage.objects.filter(pk__in=pks).defer_streamfields().select_related("region")
    pages = {page.pk: page for page in pages}
    return [pages[pk] for pk in pks if pk in pages]
