"""Feature and lever landing pages: the term explained, its case studies, the same filters."""

from tests.casestudies.conftest import counts, titles


def test_feature_page_explains_the_feature_and_lists_its_case_studies(client, index_page, tagged):
    response = client.get(index_page.url + "features/shared-governance/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Shared governance around long-term strategic goals</h1>" in html
    assert "selfish" in html or "core interest" in html  # the explanation from the taxonomy
    assert titles(response) == {"Alpha languages partnership", "Charlie outreach"}
    assert "zebracorn" not in html.lower()


def test_lever_page_lists_its_case_studies_and_says_how_stringent_it_is(client, index_page, tagged):
    response = client.get(index_page.url + "levers/leadership-training/")
    assert titles(response) == {"Bravo teacher pathway"}
    assert "2 of 4, from least to most stringent" in response.content.decode()


def test_landing_pages_have_the_same_filters_and_keep_their_own_address(client, index_page, tagged):
    url = index_page.url + "features/shared-governance/"
    response = client.get(url, {"region": "scotland"})
    finding = response.context["finding"]
    assert titles(response) == {"Charlie outreach"}
    assert counts(response, "region") == {**{k: 0 for k in counts(response, "region")}, "london": 1, "scotland": 1}
    assert all(f.param != "feature" for f in finding.facets)
    assert finding.clear_url == url
    assert all(chip.remove_url.startswith(url) for chip in finding.chips)
    assert 'action="' + url + '"' in response.content.decode()


def test_a_landing_page_keeps_its_own_term_whatever_the_address_adds(client, index_page, tagged):
    response = client.get(index_page.url + "levers/leadership-training/", {"lever": "local-convening"})
    assert titles(response) == {"Bravo teacher pathway"}
