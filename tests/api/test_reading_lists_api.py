"""The open API's reading lists: only published, public lists; their case studies in reading
order; a case study that is no longer published shows as unavailable and nothing of it, not
even its note; problem details for bad parameters and unknown ids; a fixed number of queries."""

import pytest
from wagtail.models import PageViewRestriction

from tests.casestudies.test_reading_lists import make_reading_list
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db

LISTS = "/api/v1/reading-lists/"


@pytest.fixture
def lists(home_page, index_page):
    governance = make_case_study(
        index_page,
        title="Shared board",
        success_features=[{"feature": "shared-governance", "evidence": "A joint board met each term."}],
    )
    measured = make_case_study(
        index_page,
        title="Measured outreach",
        success_features=[{"feature": "accountability-impact", "evidence": "Tracked against targets."}],
    )
    draft = make_case_study(
        index_page,
        publish=False,
        title="Secret draft case",
        success_features=[{"feature": "exciting-accessible", "evidence": "Secret narrative."}],
    )
    private = make_case_study(
        index_page,
        title="Secret private case",
        success_features=[{"feature": "exciting-accessible", "evidence": "Secret narrative."}],
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    course = make_reading_list(
        home_page,
        [measured, draft, governance, private],
        title="Working in partnership",
        notes=["Read for the targets.", "Secret note on the draft.", "Read for the board.", "Secret note, private."],
    )
    other = make_reading_list(home_page, [governance], title="Another course")
    secret_draft = make_reading_list(home_page, [governance], publish=False, title="Secret draft list")
    secret_private = make_reading_list(home_page, [governance], title="Secret private list")
    PageViewRestriction.objects.create(page=secret_private, restriction_type="login")
    return {"course": course, "other": other, "draft": secret_draft, "private": secret_private}


def test_the_listing_has_the_published_lists_by_title_with_published_counts(client, lists):
    response = client.get(LISTS)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    assert data["meta"]["total_count"] == 2
    assert [r["title"] for r in data["results"]] == ["Another course", "Working in partnership"]
    course = data["results"][1]
    assert course["case_study_count"] == 2  # the draft and the private case study do not count
    assert course["permanent_link"] == f"http://testserver/cs/{lists['course'].pk}/"
    assert course["card_url"] == f"http://testserver/cs/{lists['course'].pk}/card/"
    assert "secret" not in response.content.decode().lower()


def test_the_detail_has_the_case_studies_in_reading_order_and_hides_those_no_longer_published(client, lists):
    response = client.get(f"{LISTS}{lists['course'].pk}/")
    assert response.status_code == 200
    data = response.json()
    items = data["items"]
    assert [i["position"] for i in items] == [1, 2, 3, 4]
    assert [i["case_study"]["title"] if i["case_study"] else None for i in items] == [
        "Measured outreach",
        None,
        "Shared board",
        None,
    ]
    assert [i["available"] for i in items] == [True, False, True, False]
    assert items[0]["note"] == "Read for the targets."
    assert items[0]["discussion_questions"] == ["What would you copy?", "Who leads?"]
    assert items[1]["note"] == "" and items[1]["discussion_questions"] == []
    assert data["downloads"]["ris"].endswith(f"/cs/{lists['course'].pk}/list.ris")
    assert "secret" not in response.content.decode().lower()


@pytest.mark.parametrize("key", ["draft", "private"])
def test_draft_and_private_lists_are_not_found(client, lists, key):
    response = client.get(f"{LISTS}{lists[key].pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "secret" not in response.content.decode().lower()


@pytest.mark.parametrize("suffix", ["999999/", "9223372036854775808/"])
def test_unknown_ids_are_problem_details(client, lists, suffix):
    response = client.get(LISTS + suffix)
    assert response.status_code == 404 and response.json()["status"] == 404


def test_a_case_study_is_not_a_reading_list(client, lists, index_page):
    case_study = make_case_study(index_page, title="Just a case study")
    assert client.get(f"{LISTS}{case_study.pk}/").status_code == 404


def test_the_feature_filter_keeps_lists_with_a_published_case_study_showing_it(client, lists):
    def titles(**params):
        return [r["title"] for r in client.get(LISTS, params).json()["results"]]

    assert titles(feature="accountability-impact") == ["Working in partnership"]
    assert titles(feature="shared-governance") == ["Another course", "Working in partnership"]
    # Only the draft and the private case study show this feature: no list covers it.
    assert titles(feature="exciting-accessible") == []


@pytest.mark.parametrize(
    "params, name",
    [
        ({"feature": "nope"}, "feature"),
        ({"limit": "0"}, "limit"),
        ({"limit": "x"}, "limit"),
        ({"offset": "-1"}, "offset"),
    ],
)
def test_bad_parameters_are_problem_details_naming_the_parameter(client, lists, params, name):
    response = client.get(LISTS, params)
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert [e["name"] for e in response.json()["errors"]] == [name]


def test_limit_and_offset_page_through_the_lists(client, lists):
    data = client.get(LISTS, {"limit": 1, "offset": 1}).json()
    assert [r["title"] for r in data["results"]] == ["Working in partnership"]
    assert data["meta"]["next"] is None and "offset=0" in data["meta"]["previous"]


def test_the_root_links_to_the_reading_lists(client, lists):
    assert client.get("/api/v1/").json()["reading-list-list"] == "http://testserver/api/v1/reading-lists/"


def test_reading_lists_answer_if_none_match_with_304(client, lists):
    etag = client.get(LISTS)["ETag"]
    assert client.get(LISTS, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_lists_detail_costs_the_same_queries_for_few_or_many_items(
    client, home_page, index_page, django_assert_max_num_queries
):
    few = make_reading_list(home_page, [make_case_study(index_page, title=f"Few {n}") for n in range(2)], title="Few")
    many = make_reading_list(
        home_page, [make_case_study(index_page, title=f"Many {n}") for n in range(12)], title="Many"
    )
    warm = make_reading_list(home_page, [make_case_study(index_page, title="Warm")], title="Warm")
    client.get(f"{LISTS}{warm.pk}/")  # another list: the measured ones are rendered, not cached
    with django_assert_max_num_queries(12) as captured:
        client.get(f"{LISTS}{few.pk}/")
    with django_assert_max_num_queries(len(captured.captured_queries)):
        assert len(client.get(f"{LISTS}{many.pk}/").json()["items"]) == 12
    with django_assert_max_num_queries(len(captured.captured_queries)):
        client.get(LISTS, {"limit": 100})
