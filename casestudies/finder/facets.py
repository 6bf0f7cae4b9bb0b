"""THE registry of the finder's eleven filters: for each, its URL parameter, legend, what one
value is called, its canonical values, where the values live on a case study and whether a
case study can have several. The form, the facet index, downloads (SQL), suggestions and the
matrix all read this list; nothing else names a facet.

Canonical values come from the models (a taxonomy's CANONICAL_SLUGS or a choice's values), the
same lists the interchange format accepts."""

from django.db.models import Q

from ..models.case_study import CaseStudyPage
from ..models.choices import EvidenceType, Formality, FundingModel, PartnerType, Status
from ..models.taxonomy import Barrier, Phase, PolicyLever, Purpose, Region, SuccessFeature


class Facet:
    """One filter. Its options, in display order, are a taxonomy's terms (`model`) or fixed
    choices; `suggested` facets offer their terms as you type."""

    def __init__(self, param, legend, noun, lookup, many=False, model=None, choices=None, suggested=False):
        self.param, self.legend, self.noun, self.lookup, self.many = param, legend, noun, lookup, many
        self.model, self.choices, self.suggested = model, choices, suggested

    @property
    def values(self):
        """The canonical values a URL may carry, as strings."""
        if self.model is not None:
            return list(self.model.CANONICAL_SLUGS)
        return [str(value) for value in self.choices.values]

    def options(self):
        """(value, label) in display order, labels as editors have worded them."""
        if self.model is not None:
            return list(self.model.objects.order_by("sort_order", "name").values_list("slug", "name"))
        return [(str(value), label) for value, label in self.choices.choices]

    def term(self, slug):
        """The taxonomy term for a landing page, or None."""
        return self.model.objects.filter(slug=slug).first() if self.model is not None else None

    def condition(self, values):
        """The same filter in SQL, for downloads (which read the database, not the index)."""
        if self.many:
            return Q(pk__in=CaseStudyPage.objects.filter(**{f"{self.lookup}__in": values}).values("pk"))
        return Q(**{f"{self.lookup}__in": values})


FACETS = [
    Facet(
        "feature",
        "Success feature",
        "success feature",
        "feature_evidence__feature__slug",
        many=True,
        model=SuccessFeature,
        suggested=True,
    ),
    Facet("lever", "Policy lever", "policy lever", "policy_levers__slug", many=True, model=PolicyLever, suggested=True),
    Facet("purpose", "Purpose", "purpose", "purposes__slug", many=True, model=Purpose, suggested=True),
    Facet("phase", "Phase", "phase", "phases__slug", many=True, model=Phase, suggested=True),
    Facet("region", "Region", "region", "region__slug", model=Region, suggested=True),
    Facet(
        "partner_type",
        "Type of partner",
        "type of partner",
        "partners__organisation__type",
        many=True,
        choices=PartnerType,
    ),
    Facet("evidence_type", "Evidence type", "evidence type", "evidence_type", choices=EvidenceType),
    Facet("status", "Status", "status", "status", choices=Status),
    Facet("formality", "Formality", "formality", "formality", choices=Formality),
    Facet("funding_model", "Funding model", "funding model", "funding_model", choices=FundingModel),
    Facet("barrier", "Barriers met", "barrier", "barriers__slug", many=True, model=Barrier, suggested=True),
]
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}
