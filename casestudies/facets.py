"""The eleven filters of the finder: each one's URL parameter, legend, where its values live
and its options. The facet index reads them to build its bitsets; downloads turn them into SQL."""

from django.db.models import Q

from .forms import FACET_PARAMS
from .models import (
    Barrier,
    CaseStudyPage,
    EvidenceType,
    Formality,
    FundingModel,
    PartnerType,
    Phase,
    PolicyLever,
    Purpose,
    Region,
    Status,
    SuccessFeature,
)


class Facet:
    """One filter: its URL parameter, its legend, where its values live (`lookup`, from
    CaseStudyPage), and its options in display order (a taxonomy's terms, or fixed choices)."""

    def __init__(self, param, legend, lookup, many=False, model=None, choices=None):
        self.param, self.legend, self.lookup, self.many = param, legend, lookup, many
        self.model, self.choices = model, choices

    def options(self):
        if self.model is not None:
            return list(self.model.objects.order_by("sort_order", "name").values_list("slug", "name"))
        return [(str(value), label) for value, label in self.choices]

    def condition(self, values):
        """The same filter in SQL, for downloads (which read the database, not the index)."""
        if self.many:
            return Q(pk__in=CaseStudyPage.objects.filter(**{f"{self.lookup}__in": values}).values("pk"))
        return Q(**{f"{self.lookup}__in": values})


FACETS = [
    Facet("feature", "Success feature", "feature_evidence__feature__slug", many=True, model=SuccessFeature),
    Facet("lever", "Policy lever", "policy_levers__slug", many=True, model=PolicyLever),
    Facet("purpose", "Purpose", "purposes__slug", many=True, model=Purpose),
    Facet("phase", "Phase", "phases__slug", many=True, model=Phase),
    Facet("region", "Region", "region__slug", model=Region),
    Facet("partner_type", "Type of partner", "partners__organisation__type", many=True, choices=PartnerType.choices),
    Facet("evidence_type", "Evidence type", "evidence_type", choices=EvidenceType.choices),
    Facet("status", "Status", "status", choices=Status.choices),
    Facet("formality", "Formality", "formality", choices=Formality.choices),
    Facet("funding_model", "Funding model", "funding_model", choices=FundingModel.choices),
    Facet("barrier", "Barriers met", "barriers__slug", many=True, model=Barrier),
]
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}
assert set(FACETS_BY_PARAM) == set(FACET_PARAMS)
