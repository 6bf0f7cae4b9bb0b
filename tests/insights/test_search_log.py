"""Readers' searches are logged without identifying anyone, counted from the cache too, never
from bots, and never at the cost of a page."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from insights.models import WITHHELD, DailySearch, SearchEvent
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db

READER = {
    "HTTP_ACCEPT": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "REMOTE_ADDR": "203.0.113.9",
}


@pytest.fixture
def cached(settings):
    settings.RESPONSE_CACHE_ENABLED = True
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def studies(index_page):
    return [
        make_case_study(index_page, title="Maths mentoring partnership"),
        make_case_study(index_page, title="Science outreach partnership"),
    ]


def test_a_search_is_logged_with_query_filters_results_and_the_hour_only(studies, cached):
    response = Client().get(
        "/case-studies/", {"q": "  Maths   MENTORING ", "feature": ["play-to-strengths", "nope"]}, **READER
    )
    assert response.status_code == 200
    assert "X-Finder-Results" not in response
    event = SearchEvent.objects.get()
    assert event.query == "maths mentoring"
    assert event.filters == {"feature": ["play-to-strengths"]}
    assert event.results == 1
    assert event.path == "/case-studies/"
    assert (event.hour.minute, event.hour.second, event.hour.microsecond) == (0, 0, 0)
    stored = " ".join(str(getattr(event, f.attname)) for f in SearchEvent._meta.fields)
    assert "203.0.113.9" not in stored and "Firefox" not in stored
    assert {f.name for f in SearchEvent._meta.fields} == {
        "id",
        "hour",
        "signature",
        "path",
        "query",
        "filters",
        "results",
        "opened",
        "withheld",
    }
    assert DailySearch.objects.get().searches == 1


def test_searches_answered_from_the_response_cache_are_counted(studies, cached):
    client = Client()
    first = client.get("/case-studies/?q=nothing+like+this", **READER)
    second = client.get("/case-studies/?q=nothing+like+this", **READER)
    assert first["X-Cache"] == "miss" and second["X-Cache"] == "hit"
    assert SearchEvent.objects.filter(query="nothing like this", results=0).count() == 2
    assert DailySearch.objects.get().searches == 2


def test_a_landing_page_is_a_filtered_browse(studies, cached):
    Client().get("/case-studies/features/play-to-strengths/", **READER)
    assert SearchEvent.objects.get().filters == {"feature": ["play-to-strengths"]}


def test_the_plain_listing_and_later_pages_are_not_questions(studies, cached):
    client = Client()
    client.get("/case-studies/", **READER)
    client.get("/case-studies/?q=partnership&page=2", **READER)
    assert not SearchEvent.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {**READER, "HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
        {**READER, "HTTP_USER_AGENT": "Mozilla/5.0 (compatible; bingbot/2.0)"},
        {**READER, "HTTP_USER_AGENT": "curl/8.5.0"},
        {**READER, "HTTP_ACCEPT": "*/*"},
        {"HTTP_USER_AGENT": READER["HTTP_USER_AGENT"]},
    ],
)
def test_bots_and_requests_without_a_browser_accept_are_not_counted(studies, cached, headers):
    assert Client().get("/case-studies/?q=maths", **headers).status_code == 200
    assert not SearchEvent.objects.exists()


@pytest.mark.parametrize(
    "query", ["jane.doe@example.org", "call 07700 900123", "+44 20 7946 0958", "schools near SW1A 1AA", "m11ah"]
)
def test_queries_that_look_like_personal_data_are_withheld(studies, cached, query):
    Client().get("/case-studies/", {"q": query}, **READER)
    event = SearchEvent.objects.get()
    assert event.withheld and event.query == "" and event.path == ""
    assert DailySearch.objects.get(signature=WITHHELD).searches == 1
    assert query.split()[-1].lower() not in str(list(DailySearch.objects.values()))


def test_opening_a_case_study_from_a_search_is_recorded_even_from_the_cache(studies, cached):
    client = Client()
    client.get("/case-studies/?q=maths", **READER)
    referer = {"HTTP_REFERER": "http://testserver/case-studies/?q=Maths"}
    for _ in range(2):
        assert client.get(studies[0].url, **READER, **referer).status_code == 200
    assert SearchEvent.objects.get().opened
    assert DailySearch.objects.get().opens == 2
    client.get(studies[1].url, **READER, HTTP_REFERER="http://elsewhere.example/case-studies/?q=maths")
    assert DailySearch.objects.get().opens == 2


def test_a_broken_log_table_never_fails_a_search(studies, cached):
    with connection.cursor() as cursor:  # inside the test's transaction: rolled back after it
        cursor.execute(f"DROP TABLE {SearchEvent._meta.db_table}")
    client = Client()
    for _ in range(2):
        response = client.get("/case-studies/?q=maths", **READER)
        assert response.status_code == 200
        assert "Maths mentoring partnership" in response.content.decode()
    assert (
        client.get(studies[0].url, **READER, HTTP_REFERER="http://testserver/case-studies/?q=maths").status_code == 200
    )


def test_pruning_keeps_raw_events_ninety_days_and_daily_counts_longer(settings):
    now = timezone.now()
    for days in (10, 100):
        SearchEvent.objects.create(hour=now - datetime.timedelta(days=days), signature=f"s{days}")
    for days in (100, 800):
        DailySearch.objects.create(day=timezone.localdate() - datetime.timedelta(days=days), signature=f"s{days}")
    call_command("prune_search_events")
    assert list(SearchEvent.objects.values_list("signature", flat=True)) == ["s10"]
    assert list(DailySearch.objects.values_list("signature", flat=True)) == ["s100"]
    settings.INSIGHTS_RAW_EVENT_DAYS = 5
    call_command("prune_search_events")
    assert not SearchEvent.objects.exists()
