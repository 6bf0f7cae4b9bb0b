"""Per-address rate limits: 429 with Retry-After past the limit, other addresses unaffected."""

import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.usefixtures("rate_limits")


def limit(settings, name, requests):
    settings.RATE_LIMITS = [
        (rule[0], rule[1], rule[2], requests if rule[0] == name else rule[3], rule[4]) for rule in settings.RATE_LIMITS
    ]


def test_suggestions_answer_429_with_retry_after_past_the_limit(client, settings, index_page):
    limit(settings, "suggest", 3)
    url = index_page.url + "suggest/"
    assert [client.get(url, {"q": "pa"}).status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get(url, {"q": "pa"})
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    # Another address is not affected.
    assert client.get(url, {"q": "pa"}, REMOTE_ADDR="192.0.2.7").status_code == 200


@pytest.mark.parametrize("suffix", ["download/json/", "download/csv/"])
def test_downloads_are_limited_per_address(client, settings, index_page, suffix):
    limit(settings, "download", 2)
    url = index_page.url + suffix
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 429]
    # The old addresses (301 to these) count against the same limit.
    assert client.get("/case-studies/export.json").status_code == 429


def test_the_page_password_form_is_throttled(client, settings, case_study):
    limit(settings, "page-password", 4)
    restriction = PageViewRestriction.objects.create(page=case_study, restriction_type="password", password="sesame")
    url = f"/_util/authenticate_with_password/{restriction.pk}/{case_study.pk}/"
    guesses = [client.post(url, {"password": f"guess{n}", "return_url": case_study.url}).status_code for n in range(6)]
    assert guesses[:4] == [200] * 4 and guesses[4:] == [429, 429]
    # Even the right password waits until the window ends.
    assert client.post(url, {"password": "sesame", "return_url": case_study.url}).status_code == 429


def test_limits_are_shared_through_the_cache(settings, index_page):
    """Two clients (as two gunicorn workers would be) from one address share the count."""
    from django.test import Client

    limit(settings, "suggest", 2)
    url = index_page.url + "suggest/"
    assert Client().get(url, {"q": "pa"}).status_code == 200
    assert Client().get(url, {"q": "pa"}).status_code == 200
    assert Client().get(url, {"q": "pa"}).status_code == 429


@pytest.mark.parametrize(
    "name, url",
    [
        ("api", "/api/v1/case-studies/"),
        ("citation", "/cs/{pk}/cite.ris"),
        ("oembed", "/oembed/?url=http://testserver/cs/{pk}/"),
    ],
)
def test_the_api_citation_files_and_oembed_are_limited_per_address(client, settings, case_study, name, url):
    limit(settings, name, 2)
    url = url.format(pk=case_study.pk)
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 429]
    assert client.get(url, REMOTE_ADDR="192.0.2.7").status_code == 200
