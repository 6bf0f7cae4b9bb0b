"""Every public surface as a client meets it in production: cold, then from the response cache,
with the same status, headers and body both times, and the headers each surface must send."""

import re

import pytest

from tests.test_public_surfaces import mixed, surfaces  # noqa: F401 - the fixture

from .conftest import SITE, seen

pytestmark = pytest.mark.django_db

CARD = re.compile(r"^/cs/[0-9]+/card/$")
PERMANENT_LINK = re.compile(r"^/cs/[0-9]+/$")
# (address pattern, media type) for what is not an HTML page.
MEDIA_TYPES = [
    (r"\.ris$", "application/x-research-info-systems"),
    (r"\.bib$", "application/x-bibtex"),
    (r"/cite\.json$", "application/vnd.citationstyles.csl+json"),
    (r"/list\.json$", "application/json"),
    (r"\.csv$|/download/csv/$", "text/csv"),
    (r"\.atom", "application/atom+xml"),
    (r"^/sitemap\.xml$", "application/xml"),
    (r"^/robots\.txt$", "text/plain"),
    (r"^/api/|^/oembed/|/suggest/|/download/json/$", "application/json"),
]


def media_type_of(address):
    path = address.split("?")[0]
    return next((media for pattern, media in MEDIA_TYPES if re.search(pattern, path)), "text/html")


def walk(public, draft, private):
    extra = [
        (f"/oembed/?url={SITE}/cs/{public.pk}/card/&maxwidth=400", True),
        ("/case-studies/?phase=secondary&q=partnership", True),
        ("/no-such-page/", False),
    ]
    return surfaces(public, draft, private) + extra


def test_every_public_surface_is_served_the_same_cold_and_cached(reader, mixed):  # noqa: F811
    public = mixed[0]
    for address, must_answer in walk(*mixed):
        cold = reader.get(address)
        cached = reader.get(address)
        assert seen(cold) == seen(cached), address
        status, headers, _, _ = seen(cold)
        if not must_answer:
            if status == 301:  # a permanent link: followed, it is gone
                status = reader.get(headers["location"], follow=True).status_code
            assert status in (404, 410), (address, headers.get("location"))
            continue
        assert status == (301 if PERMANENT_LINK.match(address) else 200), address
        if status == 301:
            assert headers["location"].startswith(("/", SITE + "/")), address
            continue
        assert headers["content-type"].startswith(media_type_of(address)), (address, headers["content-type"])
        if b"csrfmiddlewaretoken" in cold.content:
            # A form (the submission form): its CSRF token is the visitor's own, never stored.
            assert (cold["X-Cache"], cached["X-Cache"]) == ("bypass", "bypass"), address
            assert "private" in headers["cache-control"], address
        else:
            # Every other public 200 is stored, and a hit is what the second client got.
            assert (cold["X-Cache"], cached["X-Cache"]) == ("miss", "hit"), address
            assert set(headers["cache-control"].split(", ")) == {"public", "max-age=0", "must-revalidate"}, address
        assert "Cookie" in headers["vary"], address
        if len(cold.content) >= 1024 and cached["X-Cache"] == "hit":
            assert "Accept-Encoding" in headers["vary"], address  # the stored gzipped copy
        if address.startswith("/api/"):
            assert "Accept" in headers["vary"], address
        assert headers["strict-transport-security"].startswith("max-age=31536000"), address
        assert headers["x-content-type-options"] == "nosniff", address
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp, address
        if CARD.match(address):
            assert "x-frame-options" not in headers and "frame-ancestors *" in csp, address
        else:
            assert headers["x-frame-options"] == "DENY" and "frame-ancestors 'none'" in csp, address
        if address in (f"/case-studies/{public.slug}/", f"/cs/{public.pk}/v/1/"):
            assert f"<{SITE}/cs/{public.pk}/" in headers["link"] and 'rel="cite-as"' in headers["link"], address


def test_the_api_answers_304_to_a_client_holding_its_etag(reader, mixed):  # noqa: F811
    public = mixed[0]
    for address in ("/api/v1/case-studies/", f"/api/v1/case-studies/{public.pk}/", "/api/v1/reading-lists/"):
        first = reader.get(address)
        assert first.status_code == 200, (address, first.status_code, dict(first.items()))
        etag = first["ETag"]
        for _ in ("cold", "cached"):
            unchanged = reader.get(address, HTTP_IF_NONE_MATCH=etag)
            assert unchanged.status_code == 304 and unchanged.content == b"", address
            assert unchanged["ETag"] == etag, address


def test_plain_http_is_sent_to_https_and_the_health_check_is_never_stored(as_deployed, client, reader, home_page):
    assert client.get("/case-studies/").status_code == 301
    for _ in ("first", "second"):
        health = reader.get("/healthz")
        assert health.status_code == 200 and health["X-Cache"] == "bypass"
        assert "public" not in health.get("Cache-Control", "")


def test_the_test_settings_run_productions_middleware(settings):
    from evidencebank.settings import base

    assert settings.MIDDLEWARE == base.MIDDLEWARE
    assert getattr(settings, "RESPONSE_CACHE_ENABLED", True)
