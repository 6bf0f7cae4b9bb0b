import pytest
from wagtail.models import PageViewRestriction

from tests.factories import make_case_study


def feature(slug, evidence="Shown in the case."):
    return {"feature": slug, "evidence": evidence}


@pytest.fixture
def tagged(index_page):
    """Three published case studies with distinct tags, plus a draft and a private one that
    carry every tag and the word 'zebracorn', so any leak shows up in a list or a count."""
    pages = {
        "a": make_case_study(
            index_page,
            title="Alpha languages partnership",
            phases=["secondary"],
            region="london",
            success_features=[feature("shared-governance")],
            policy_levers=["local-convening"],
            purposes=["subject-enrichment"],
            start_year=2015,
            end_year=2018,
            status="ended",
        ),
        "b": make_case_study(
            index_page,
            title="Bravo teacher pathway",
            phases=["primary"],
            region="london",
            success_features=[feature("play-to-strengths")],
            policy_levers=["leadership-training"],
            purposes=["teacher-workforce"],
            start_year=2019,
            status="established",
        ),
        "c": make_case_study(
            index_page,
            title="Charlie outreach",
            phases=["secondary", "primary"],
            region="scotland",
            success_features=[feature("shared-governance"), feature("play-to-strengths")],
            policy_levers=["local-convening"],
            purposes=["widening-participation"],
            start_year=2021,
            status="pilot",
        ),
    }
    everything = dict(
        phases=["secondary", "primary"],
        region="london",
        policy_levers=["local-convening"],
        success_features=[feature("shared-governance")],
        purposes=["subject-enrichment"],
        summary="Zebracorn partnership with the secret word.",
        start_year=2015,
        status="ended",
    )
    pages["draft"] = make_case_study(index_page, publish=False, title="Hidden draft zebracorn", **everything)
    pages["private"] = make_case_study(index_page, title="Hidden private zebracorn", **everything)
    PageViewRestriction.objects.create(page=pages["private"], restriction_type="login")
    return pages


def titles(response):
    return {page.title for page in response.context["finding"].results}


def counts(response, param):
    facet = next(f for f in response.context["finding"].facets if f.param == param)
    return {o.value: o.count for o in facet.options}
