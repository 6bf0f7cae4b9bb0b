"""The response cache as a crowd of clients meets it: junk and tracking parameters, other
`Accept` headers and other spellings of the host never mix clients, never store new copies and
never push the clean pages out."""

import pytest
from django.core.cache import caches

from .conftest import seen

pytestmark = pytest.mark.django_db

LISTING = "/case-studies/"
API = "/api/v1/case-studies/"


def stored():
    """How many responses the cache holds (local memory only; None with Redis)."""
    cache = caches["default"]
    keys = getattr(cache, "_cache", None)
    if not isinstance(keys, dict):
        return None
    return sum(1 for key in keys if ":response:" in key or ":rendered:" in key)


def test_junk_and_tracking_parameters_neither_store_copies_nor_evict_the_clean_pages(reader, case_study):
    clean = reader.get(LISTING)
    page = reader.get(case_study.url)
    assert (clean["X-Cache"], page["X-Cache"]) == ("miss", "miss")
    before = stored()
    for n in range(300):
        junk = (
            {"utm_source": f"newsletter-{n}", "utm_medium": "email"}
            if n % 2
            else {f"junk{n}": "x" * (n % 40), "fbclid": str(n)}
        )
        response = reader.get(LISTING if n % 3 else case_study.url, junk)
        assert response.status_code == 200 and response["X-Cache"] == "bypass", junk
    assert stored() == before
    again = reader.get(LISTING)
    assert again["X-Cache"] == "hit" and again.content == clean.content
    assert reader.get(case_study.url)["X-Cache"] == "hit"


def test_parameters_the_view_reads_are_one_address_in_any_order(reader, case_study):
    first = reader.get(LISTING + "?q=partnership&phase=secondary&phase=primary")
    same = reader.get(LISTING + "?phase=secondary&phase=primary&q=partnership")
    assert (first["X-Cache"], same["X-Cache"]) == ("miss", "hit") and seen(first) == seen(same)


def test_each_accept_gets_its_own_representation(reader, case_study):
    problem = reader.get(API, HTTP_ACCEPT="application/problem+json")
    json = reader.get(API, HTTP_ACCEPT="application/json")
    assert "Accept" in json["Vary"]
    assert json["Content-Type"] == "application/json" and json.json()["meta"]["total_count"] == 1
    for accept, first in (("application/problem+json", problem), ("application/json", json)):
        again = reader.get(API, HTTP_ACCEPT=accept)
        assert seen(again) == seen(first), accept
    assert again["X-Cache"] == "hit"


def test_a_flood_of_accept_headers_keeps_at_most_a_few_copies(reader, case_study):
    json = reader.get(API, HTTP_ACCEPT="application/json")
    before = stored()
    for n in range(40):
        response = reader.get(API, HTTP_ACCEPT=f"application/json; q=0.{n % 10}, text/x-{n}")
        assert response.status_code in (200, 406)
    from evidencebank.serving.responsecache import MAX_VARIANTS

    assert stored() is None or stored() == before  # the variants share their address's one entry
    assert len(caches["default"].get(next_key(reader)) or ()) <= MAX_VARIANTS
    again = reader.get(API, HTTP_ACCEPT="application/json")
    assert again["Content-Type"] == "application/json" and again.content == json.content


def next_key(reader):
    from django.test import RequestFactory

    from casestudies.models import FindableVersion
    from evidencebank.serving.responsecache import cache_key

    request = RequestFactory().get(API, secure=True)
    return cache_key(request, FindableVersion.current())


@pytest.mark.parametrize("site_url", ["https://testserver", ""])
def test_host_spellings_share_one_entry(reader, case_study, settings, site_url):
    settings.SITE_URL = site_url
    first = reader.get(case_study.url, HTTP_HOST="testserver")
    assert first["X-Cache"] == "miss"
    for host in ("TESTSERVER", "testserver.", "TestServer.:443"):
        response = reader.get(case_study.url, HTTP_HOST=host)
        assert response["X-Cache"] == "hit" and seen(response) == seen(first), host


@pytest.mark.parametrize("kind", ["case study", "reading list"])
def test_cards_are_frameable_by_any_site_cold_and_cached_and_their_pages_are_not(reader, home_page, case_study, kind):
    from tests.casestudies.test_reading_lists import make_reading_list

    page = case_study if kind == "case study" else make_reading_list(home_page, [case_study])
    for label in ("miss", "hit"):
        card = reader.get(f"/cs/{page.pk}/card/")
        assert card.status_code == 200 and card["X-Cache"] == label
        assert "X-Frame-Options" not in card
        assert "frame-ancestors *" in card["Content-Security-Policy"]
        assert "default-src 'none'" in card["Content-Security-Policy"]
        shown = reader.get(page.url)
        assert shown["X-Cache"] == label
        assert shown["X-Frame-Options"] == "DENY" and "frame-ancestors 'none'" in shown["Content-Security-Policy"]


def test_naughty_parameter_names_values_and_hosts_never_fail_and_never_mix(reader, case_study):
    from urllib.parse import quote

    from tests.naughty import naughty_strings

    clean = reader.get(LISTING)
    for text in naughty_strings()[::8]:
        for query in (f"q={quote(text)}", f"{quote(text)}=1", quote(text)):
            response = reader.get(f"{LISTING}?{query}")
            assert response.status_code in (200, 414), query
        # An unusable Host header is refused, never served someone else's page.
        odd_host = reader.get(LISTING, HTTP_HOST=text[:200])
        assert odd_host.status_code in (200, 400), text
    again = reader.get(LISTING)
    assert again["X-Cache"] == "hit" and again.content == clean.content
