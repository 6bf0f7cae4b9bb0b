"""The finder's recommendation rule (casestudies.finder.best_evidence_for_features): narrative for
the feature, then context match, then evidence type, then recency; live and public only."""

import pytest
from wagtail.models import PageViewRestriction

from casestudies.finder import best_evidence_for_features
from tests.factories import make_case_study


def feature(slug, evidence="Shown in the case."):
    return {"feature": slug, "evidence": evidence}


@pytest.fixture
def bank(index_page):
    pages = {
        "london_type1": make_case_study(
            index_page,
            title="London type 1",
            success_features=[feature("accountability-impact", "Kingston checks the teaching.")],
            phases=["secondary"],
            region="london",
            evidence_type=1,
            reported_year=2024,
        ),
        "scotland_type3": make_case_study(
            index_page,
            title="Scotland type 3",
            success_features=[feature("accountability-impact")],
            phases=["primary"],
            region="scotland",
            evidence_type=3,
            reported_year=2014,
        ),
        "scotland_type2_new": make_case_study(
            index_page,
            title="Scotland type 2 newer",
            success_features=[feature("accountability-impact")],
            region="scotland",
            evidence_type=2,
            reported_year=2024,
        ),
        "scotland_type2_old": make_case_study(
            index_page,
            title="Scotland type 2 older",
            success_features=[feature("accountability-impact")],
            region="scotland",
            evidence_type=2,
            reported_year=2010,
        ),
        "other_feature": make_case_study(
            index_page,
            title="Only strengths",
            success_features=[feature("play-to-strengths")],
            phases=["secondary"],
            region="london",
            evidence_type=3,
        ),
    }
    hidden = dict(
        success_features=[feature("accountability-impact")],
        phases=["secondary"],
        region="london",
        evidence_type=3,
        reported_year=2026,
    )
    pages["draft"] = make_case_study(index_page, publish=False, title="Hidden draft zebracorn", **hidden)
    pages["private"] = make_case_study(index_page, title="Hidden private zebracorn", **hidden)
    PageViewRestriction.objects.create(page=pages["private"], restriction_type="login")
    return pages


def titles(index_page, context=None, slug="accountability-impact"):
    return [r.page.title for r in best_evidence_for_features(index_page, [slug], context)[slug]]


def test_without_context_stronger_evidence_then_more_recent_come_first(index_page, bank):
    assert titles(index_page) == ["Scotland type 3", "Scotland type 2 newer", "Scotland type 2 older"]


def test_context_match_outranks_evidence_type(index_page, bank):
    assert titles(index_page, {"phase": ["secondary"], "region": ["london"]})[0] == "London type 1"
    # Two matches beat one: London type 1 matches phase and region, nothing else matches both.
    result = best_evidence_for_features(
        index_page, ["accountability-impact"], {"phase": ["secondary"], "region": ["london"]}
    )
    assert result["accountability-impact"][0].matched == ["Phase", "Region"]


def test_only_case_studies_with_a_narrative_for_the_feature_are_recommended(index_page, bank):
    assert "Only strengths" not in titles(index_page, {"phase": ["secondary"], "region": ["london"]})
    assert titles(index_page, slug="play-to-strengths") == ["Only strengths"]


def test_a_draft_or_private_case_study_is_never_recommended(index_page, bank):
    for context in (None, {"phase": ["secondary"], "region": ["london"]}):
        found = titles(index_page, context)
        assert not any("zebracorn" in title for title in found)


def test_each_recommendation_carries_its_narrative_for_the_feature(index_page, bank):
    result = best_evidence_for_features(index_page, ["accountability-impact"], {"region": ["london"]})
    assert result["accountability-impact"][0].narrative == "Kingston checks the teaching."


def test_unknown_context_values_are_ignored(index_page, bank):
    assert titles(index_page, {"phase": ["nowhere"], "bogus": ["x"]}) == titles(index_page)


def test_a_feature_nobody_shows_gets_no_recommendations(index_page, bank):
    assert best_evidence_for_features(index_page, ["exciting-accessible"]) == {"exciting-accessible": []}


def test_the_query_count_does_not_grow_with_the_number_of_features(index_page, bank, django_assert_max_num_queries):
    best_evidence_for_features(index_page, ["accountability-impact"])  # build the facet index
    with django_assert_max_num_queries(4):
        best_evidence_for_features(
            index_page, ["accountability-impact", "play-to-strengths", "shared-governance"], {"region": ["london"]}
        )
