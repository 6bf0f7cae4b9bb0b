"""A case study suggests others that share its success features and purposes, never hidden ones."""

import pytest
from wagtail.models import PageViewRestriction

from casestudies.finder import related_case_studies
from casestudies.models import CaseStudyPage
from casestudies.models.findable import token_read_once
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader_case(index_page):
    return make_case_study(
        index_page,
        title="Reader case",
        success_features=[
            {"feature": "shared-governance", "evidence": "A joint board."},
            {"feature": "play-to-strengths", "evidence": "Each did its part."},
        ],
        purposes=["widening-participation"],
    )


def make_sharing(index_page, title, features, purposes=(), **overrides):
    return make_case_study(
        index_page,
        title=title,
        success_features=[{"feature": f, "evidence": "Shown."} for f in features],
        purposes=list(purposes),
        **overrides,
    )


def test_related_case_studies_are_ranked_by_how_much_they_share(index_page, reader_case):
    one = make_sharing(index_page, "Shares one feature", ["play-to-strengths"])
    three = make_sharing(
        index_page, "Shares everything", ["shared-governance", "play-to-strengths"], ["widening-participation"]
    )
    make_sharing(index_page, "Shares nothing", ["exciting-accessible"], ["send"])
    assert [p.title for p in related_case_studies(reader_case)] == [three.title, one.title]


def test_related_case_studies_leave_out_drafts_private_pages_and_the_page_itself(index_page, reader_case):
    make_sharing(index_page, "A draft", ["shared-governance"], publish=False)
    private = make_sharing(index_page, "A private one", ["shared-governance"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    public = make_sharing(index_page, "A public one", ["shared-governance"])
    assert [p.title for p in related_case_studies(reader_case)] == [public.title]


def test_related_case_studies_cost_the_same_queries_for_few_or_many(index_page, reader_case, django_assert_num_queries):
    make_sharing(index_page, "First", ["shared-governance"])
    # This page's features with their terms and its purposes, the findable-content token (read
    # once, as in a request) and the related pages, after the first call has built the facet
    # index and found the case-study index.
    related_case_studies(reader_case)
    page = CaseStudyPage.objects.get(pk=reader_case.pk)
    with token_read_once(), django_assert_num_queries(5):
        assert len(list(related_case_studies(page))) == 1
    for n in range(6):
        make_sharing(index_page, f"More {n}", ["shared-governance"], ["widening-participation"])
    related_case_studies(reader_case)
    page = CaseStudyPage.objects.get(pk=reader_case.pk)
    with token_read_once(), django_assert_num_queries(5):
        assert len(list(related_case_studies(page))) == 3


def test_case_study_page_lists_related_case_studies(client, index_page, reader_case):
    make_sharing(index_page, "A neighbour in the evidence", ["shared-governance"])
    html = client.get(reader_case.url).content.decode()
    related = html.split('id="related"', 1)[1]
    assert "A neighbour in the evidence" in related


def test_case_study_page_shows_the_evidence_type_as_a_labelled_scale(client, index_page):
    page = make_case_study(index_page, evidence_type=2)
    html = client.get(page.url).content.decode()
    scale = html.split('class="evidence-scale__steps"', 1)[1].split("</ol>", 1)[0]
    for words in ("Type 1: narrative", "Type 2: empirical enquiry", "Type 3: causal claims", "This case study"):
        assert words in scale
    assert scale.index("This case study") > scale.index("Type 2: empirical enquiry") > scale.index("Type 1")
    assert scale.count('aria-current="true"') == 1


def test_ranking_on_bitsets_matches_sorting_every_candidate():
    """The bit-arithmetic ranking gives exactly what sorting each candidate by (most shared,
    most shared features, newest) gives."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from casestudies.finder.related import ranked_positions

    masks = st.integers(min_value=0, max_value=(1 << 64) - 1)

    @settings(max_examples=200, deadline=None, database=None)
    @given(features=st.lists(masks, max_size=5), purposes=st.lists(masks, max_size=4), limit=st.integers(1, 6))
    def check(features, purposes, limit):
        within = (1 << 64) - 1
        counts = {i: sum(m >> i & 1 for m in features + purposes) for i in range(64)}
        by_feature = {i: sum(m >> i & 1 for m in features) for i in range(64)}
        expected = sorted((i for i in counts if counts[i]), key=lambda i: (-counts[i], -by_feature[i], i))[:limit]
        assert ranked_positions(features + purposes, features, within, limit) == expected

    check()
