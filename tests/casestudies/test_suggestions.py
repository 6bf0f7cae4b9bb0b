"""As-you-type suggestions: a small JSON endpoint behind the plain search form."""

from casestudies.models import CaseStudyIndexPage  # noqa: F401


def suggest(client, index_page, q):
    response = client.get(index_page.url + "suggest/", {"q": q})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()["suggestions"]


def test_suggests_titles_partners_and_taxonomy_terms_with_addresses(client, index_page, tagged):
    labels = {(s["kind"], s["label"]): s["url"] for s in suggest(client, index_page, "alph")}
    assert ("Case study", "Alpha languages partnership") in labels
    assert labels[("Case study", "Alpha languages partnership")] == tagged["a"].url
    terms = {(s["kind"], s["label"]): s["url"] for s in suggest(client, index_page, "second")}
    assert terms[("Phase", "Secondary")] == index_page.url + "?phase=secondary"
    partners = {s["label"] for s in suggest(client, index_page, "test univ") if s["kind"] == "Partner"}
    assert partners == {"Test University"}


def test_drafts_and_private_case_studies_are_never_suggested(client, index_page, tagged):
    assert suggest(client, index_page, "hidden") == []
    assert suggest(client, index_page, "zebracorn") == []


def test_too_short_or_empty_input_suggests_nothing(client, index_page, tagged):
    assert suggest(client, index_page, "") == []
    assert suggest(client, index_page, "a") == []
    assert suggest(client, index_page, '"*)') == []
