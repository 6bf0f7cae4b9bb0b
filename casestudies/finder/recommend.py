"""The published case studies that show a success feature best for a reader's context, ranked
on the facet index: used by the partnership health check (through `casestudies.finder`).

The rule, in the order it is applied (each step only breaks ties left by the one before):

1. the case study has a narrative for the feature (no narrative, not considered);
2. how many of the reader's context facets it matches (phase, region, purpose, partner type:
   one point for each facet where it shares any of the chosen values);
3. the stronger evidence type (Type 3 before Type 2 before Type 1);
4. the more recent evidence: the year it was reported (or, without one, the year it started);
5. the most recently published.
"""

from ..models.case_study import CaseStudyPage
from ..models.case_study_rows import CaseStudyFeatureEvidence
from ..models.choices import EvidenceType
from .facet_index import facet_index, positions_of
from .facets import FACETS_BY_PARAM

CONTEXT_PARAMS = ("phase", "region", "purpose", "partner_type")


def context_options(index_page=None):
    """(param, legend, [(value, label)]) for each context facet, labels as editors word them:
    from the facet index when the index page is given (no query once it is built)."""
    if index_page is not None:
        options = facet_index(index_page).options
        return [(param, FACETS_BY_PARAM[param].legend, options[param]) for param in CONTEXT_PARAMS]
    return [(param, FACETS_BY_PARAM[param].legend, FACETS_BY_PARAM[param].options()) for param in CONTEXT_PARAMS]


def clean_context(data):
    """Keep only canonical values of the context facets; return (context, dropped values)."""
    context, dropped = {}, []
    for param in CONTEXT_PARAMS:
        allowed = set(FACETS_BY_PARAM[param].values)
        values = data.get(param, [])
        kept = []
        for value in values:
            if value in allowed and value not in kept:
                kept.append(value)
            elif value not in allowed:
                dropped.append((param, value))
        if kept:
            context[param] = kept
    return context, dropped


def best_evidence_for_features(index_page, feature_slugs, context=None, limit=3):
    """{feature slug: [Recommendation, …]} for each feature, at most `limit` each, best first.

    Only live, public case studies under `index_page` are considered (the facet index holds
    nothing else). Costs the facet index's version check, one query for the candidates' years,
    one for the pages and one for the narratives, whatever the number of features."""
    context, _dropped = clean_context(context or {})
    index = facet_index(index_page)
    candidates = {slug: positions_of(index.value_mask("feature", slug)) for slug in feature_slugs}
    every = {i for found in candidates.values() for i in found}
    if not every:
        return {slug: [] for slug in feature_slugs}
    context_masks = {param: index.facet_mask(param, values) for param, values in context.items()}
    evidence_masks = {value: index.value_mask("evidence_type", str(value)) for value in EvidenceType.values}
    years = dict(CaseStudyPage.objects.filter(pk__in=[index.pks[i] for i in every]).values_list("pk", "reported_year"))
    start_years = {}
    for year, mask in index.start_years.items():
        for i in positions_of(mask):
            start_years[i] = year

    def rank(i):
        bit = 1 << i
        matched = [param for param, mask in context_masks.items() if mask & bit]
        evidence = next((value for value, mask in evidence_masks.items() if mask & bit), 0)
        year = years.get(index.pks[i]) or start_years.get(i) or 0
        return (-len(matched), -evidence, -year, i), matched, evidence, year

    chosen = {}
    for slug, found in candidates.items():
        ranked = sorted((rank(i) for i in found), key=lambda r: r[0])
        chosen[slug] = ranked[:limit]
    pks = {index.pks[key[3]] for ranked in chosen.values() for key, *_ in ranked}
    pages = {
        page.pk: page for page in CaseStudyPage.objects.filter(pk__in=pks).defer_streamfields().select_related("region")
    }
    narratives = {
        (pk, slug): evidence
        for pk, slug, evidence in CaseStudyFeatureEvidence.objects.filter(
            page_id__in=pks, feature__slug__in=list(feature_slugs)
        ).values_list("page_id", "feature__slug", "evidence")
    }
    result = {}
    for slug, ranked in chosen.items():
        result[slug] = [
            Recommendation(
                page=pages[index.pks[key[3]]],
                narrative=narratives.get((index.pks[key[3]], slug), ""),
                matched=[FACETS_BY_PARAM[param].legend for param in matched],
                evidence_type=evidence,
                year=year or None,
            )
            for key, matched, evidence, year in ranked
            if index.pks[key[3]] in pages
        ]
    return result


class Recommendation:
    """One case study recommended for a feature, with why it was chosen."""

    def __init__(self, page, narrative, matched, evidence_type, year):
        self.page, self.narrative, self.matched = page, narrative, matched
        self.evidence_type, self.year = evidence_type, year

    def __repr__(self):
        return f"<Recommendation {self.page.title!r} matched={self.matched} evidence={self.evidence_type}>"
