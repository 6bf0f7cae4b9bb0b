"""One registry of facets feeds the form, the URLs and the interchange format alike."""

import pytest
from django.http import QueryDict

from casestudies.finder.facets import FACETS, FACETS_BY_PARAM
from casestudies.finder.form import CaseStudyFilterForm
from casestudies.finder.state import FinderState
from casestudies.interchange import CANONICAL_SLUGS

# Which interchange field carries each facet's values.
INTERCHANGE_FIELD = {
    "feature": "success_features",
    "lever": "policy_levers",
    "purpose": "purposes",
    "phase": "phases",
    "region": "region",
    "partner_type": "partner_type",
    "status": "status",
    "formality": "formality",
    "funding_model": "funding_model",
    "barrier": "barriers",
}


@pytest.mark.parametrize("facet", FACETS, ids=lambda facet: facet.param)
def test_a_facet_accepts_exactly_the_values_the_interchange_format_allows(facet):
    if facet.param == "evidence_type":
        assert facet.values == ["1", "2", "3"]
    else:
        assert facet.values == CANONICAL_SLUGS[INTERCHANGE_FIELD[facet.param]]


@pytest.mark.django_db
@pytest.mark.parametrize("facet", FACETS, ids=lambda facet: facet.param)
def test_a_facets_options_are_its_values_in_display_order_with_labels(facet):
    options = facet.options()
    assert [value for value, _ in options] == facet.values
    assert all(label.strip() for _, label in options)


def test_the_form_has_one_field_per_facet_and_keeps_only_known_values():
    form = CaseStudyFilterForm(QueryDict("phase=secondary&phase=nonsense&lever=local-convening"))
    assert {facet.param for facet in FACETS} <= set(form.fields)
    assert form.selections() == {"phase": ["secondary"], "lever": ["local-convening"]}
    assert any("nonsense" in notice and "phase" in notice for notice in form.notices)


def test_a_state_url_lists_words_then_facets_in_registry_order_and_drops_page_one():
    state = FinderState("/cs/", {"q": "a&b", "region": ["london"], "feature": ["shared-governance"], "page": 1})
    assert state.url() == "/cs/?q=a%26b&feature=shared-governance&region=london"
    assert state.url(page=3, region=None) == "/cs/?q=a%26b&feature=shared-governance&page=3"


def test_a_landing_pages_own_term_never_appears_in_its_links_but_does_elsewhere():
    state = FinderState("/cs/features/x/", {"feature": ["x", "y"]}, fixed={"feature": ["x"]})
    assert state.url() == "/cs/features/x/?feature=y"
    assert state.at("/cs/").url() == "/cs/?feature=x&feature=y"


def test_the_registry_names_each_parameter_once():
    assert len(FACETS_BY_PARAM) == len(FACETS)
