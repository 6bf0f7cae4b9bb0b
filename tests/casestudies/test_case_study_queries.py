"""A case study's page reads its partners and features once, however many it has: the page,
its citation, its meta tags and its JSON-LD share the rows (CaseStudyPage.SERVED_WITH)."""

import pytest

from tests.casestudies.test_reading_lists import make_reading_list
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db

FEATURES = ["shared-governance", "play-to-strengths", "existing-infrastructure", "accountability-impact"]
# Measured here (SQLite, warm): 21 queries (33 before the versions, the case-study index and
# the purposes, levers and barriers were read once per page); this leaves room for a little more.
MAX_QUERIES = 24


def test_a_case_study_costs_the_same_queries_with_one_partner_or_five(
    client, home_page, index_page, django_assert_max_num_queries
):
    small = make_case_study(index_page, title="Small partnership")
    large = make_case_study(
        index_page,
        title="Large partnership",
        partners=[{"name": f"Partner {n}", "type": "school", "role": f"Role {n}"} for n in range(5)],
        success_features=[{"feature": slug, "evidence": f"Evidence for {slug}."} for slug in FEATURES],
    )
    for page in (small, large):
        make_reading_list(home_page, [page], title=f"List with {page.title}")
    # The facet index and site links are built once, by another page: the measured ones are
    # rendered, not served from the response cache.
    client.get(make_case_study(index_page, title="Warm-up partnership").url)
    with django_assert_max_num_queries(MAX_QUERIES) as captured:
        assert client.get(small.url).status_code == 200
    with django_assert_max_num_queries(len(captured.captured_queries)):
        html = client.get(large.url).content.decode()
    assert "Partner 4" in html and "Evidence for accountability-impact." in html
