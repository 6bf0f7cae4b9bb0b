"""The open API: the finder's selection, order and disjunctive counts as JSON; problem details;
conditional requests; CORS on /api/ only; the OpenAPI document."""

import itertools
import random
from urllib.parse import urlencode

import pytest
from wagtail.models import PageViewRestriction

from casestudies.benchmarks.bulk import generate
from casestudies.models import CaseStudyPage
from tests.casestudies.conftest import feature, tagged  # noqa: F401
from tests.casestudies.test_facet_index import random_selection
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db

LIST = "/api/v1/case-studies/"


def test_listing_returns_total_facets_and_results(client, tagged):  # noqa: F811
    response = client.get(LIST, {"phase": "secondary"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["meta"]["total_count"] == 2
    assert {r["title"] for r in data["results"]} == {"Alpha languages partnership", "Charlie outreach"}
    phase = {v["value"]: v for v in data["meta"]["facets"]["phase"]["values"]}
    assert phase["secondary"]["selected"] and phase["secondary"]["count"] == 2
    assert phase["primary"]["count"] == 2 and not phase["primary"]["selected"]  # disjunctive
    region = {v["value"]: v["count"] for v in data["meta"]["facets"]["region"]["values"]}
    assert region["london"] == 1 and region["scotland"] == 1
    first = data["results"][0]
    assert first["permanent_link"] == f"http://testserver/cs/{first['id']}/"


def test_drafts_and_private_case_studies_are_never_listed_counted_or_shown(client, tagged):  # noqa: F811
    body = client.get(LIST, {"limit": 100}).content.decode()
    assert "zebracorn" not in body.lower()
    assert client.get(LIST).json()["meta"]["total_count"] == 3
    for key in ("draft", "private"):
        response = client.get(f"{LIST}{tagged[key].pk}/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


def test_limit_and_offset_page_through_the_listing(client, index_page):
    for n in range(5):
        make_case_study(index_page, title=f"Paged {n}")
    data = client.get(LIST, {"limit": 2, "offset": 2, "sort": "title"}).json()
    assert [r["title"] for r in data["results"]] == ["Paged 2", "Paged 3"]
    assert "offset=4" in data["meta"]["next"] and "offset=0" in data["meta"]["previous"]


@pytest.mark.parametrize(
    "params, name",
    [
        ({"phase": "nursery"}, "phase"),
        ({"from_year": "last year"}, "from_year"),
        ({"to_year": "1800"}, "to_year"),
        ({"limit": "101"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"sort": "random"}, "sort"),
        ({"exact": "null"}, "exact"),
    ],
)
def test_bad_parameters_are_problem_details_naming_the_parameter(client, index_page, params, name):
    response = client.get(LIST, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400 and problem["title"]
    assert [e["name"] for e in problem["errors"]] == [name]


def test_the_html_finder_still_ignores_unknown_slugs_with_a_notice(client, index_page):
    response = client.get(index_page.url, {"phase": "nursery"})
    assert response.status_code == 200 and "We ignored" in response.content.decode()


def test_detail_has_every_public_field_the_citation_and_versions(client, index_page):
    page = make_case_study(index_page, title="Detailed partnership", phases=["secondary"], region="london")
    data = client.get(f"{LIST}{page.pk}/").json()
    assert data["title"] == "Detailed partnership"
    assert data["phases"] == [{"slug": "secondary", "name": "Secondary"}]
    assert data["permanent_link"] == f"http://testserver/cs/{page.pk}/"
    assert data["version"] == 1 and data["versions"][0]["url"].endswith(f"/cs/{page.pk}/v/1/")
    assert "Detailed partnership" in data["citation"]["apa"] and "Detailed partnership" in data["citation"]["harvard"]
    assert data["citation"]["files"]["ris"].endswith(f"/cs/{page.pk}/cite.ris")


def test_etag_and_last_modified_follow_the_findable_content_token(client, case_study):
    first = client.get(LIST)
    etag = first["ETag"]
    assert etag and first["Last-Modified"]
    assert client.get(LIST, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(LIST + "?phase=secondary", HTTP_IF_NONE_MATCH=etag).status_code == 200
    page = CaseStudyPage.objects.get(pk=case_study.pk)
    page.title = "Renamed"
    page.save_revision().publish()  # bumps the token
    again = client.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200 and again["ETag"] != etag


def test_the_api_answers_in_a_fixed_number_of_queries(client, index_page, django_assert_max_num_queries):
    generate(index_page, 40, seed=3)
    client.get(LIST)  # builds the facet index
    with django_assert_max_num_queries(12):
        client.get(LIST, {"limit": 100, "phase": "secondary", "q": "languages"})


def test_cors_allows_any_origin_to_get_the_api_and_nothing_else(client, case_study):
    api = client.get(LIST, HTTP_ORIGIN="https://vle.example.ac.uk")
    assert api["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(LIST, HTTP_ORIGIN="https://vle.example.ac.uk", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    page = client.get(case_study.url, HTTP_ORIGIN="https://vle.example.ac.uk")
    assert "Access-Control-Allow-Origin" not in page


def test_writes_are_refused(client, index_page):
    response = client.post(LIST, {})
    assert response.status_code == 405 and response["Content-Type"] == "application/problem+json"


def test_the_openapi_document_describes_the_api(client, index_page):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/",
        "/api/v1/case-studies/",
        "/api/v1/case-studies/{page_id}/",
        "/api/v1/reading-lists/",
        "/api/v1/reading-lists/{page_id}/",
        "/api/v1/taxonomies/",
    }


def test_taxonomies_list_every_facet(client, index_page):
    data = client.get("/api/v1/taxonomies/").json()
    params = [t["parameter"] for t in data["taxonomies"]]
    assert "feature" in params and "evidence_type" in params
    feature_terms = next(t for t in data["taxonomies"] if t["parameter"] == "feature")["terms"]
    assert len(feature_terms) == 5


def test_api_counts_equal_the_html_pages_counts_over_60_random_states(client, index_page, no_response_cache):
    # Compares the API with the finding the HTML page was rendered from (its template context,
    # which a cached page does not have; random selections repeat).
    generate(index_page, 120, seed=5)
    private = make_case_study(index_page, title="Private one", phases=["secondary"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    rng = random.Random(23)
    for params in itertools.islice(iter(lambda: random_selection(rng), None), 60):
        query = urlencode(params, doseq=True)
        html = client.get(f"{index_page.url}?{query}").context["finding"]
        api = client.get(f"{LIST}?{query}").json()
        assert api["meta"]["total_count"] == html.total, params
        for view in html.facets:
            api_values = api["meta"]["facets"][view.param]["values"]
            assert [(v["value"], v["count"], v["selected"]) for v in api_values] == [
                (o.value, o.count, o.selected) for o in view.options
            ], (params, view.param)
        assert [r["id"] for r in api["results"]] == [p.pk for p in html.results], params
