"""Security headers on every response; public pages need no inline script or style."""

import re

import pytest

pytestmark = pytest.mark.database_agnostic

# A schema.org JSON-LD data block (`<script type="application/ld+json">`) is not a script: the
# browser never runs it and CSP's script-src does not apply to it.
PUBLIC_INLINE = re.compile(
    r"<style|\sstyle=|<script(?![^>]*\s(src=|type=\"application/ld\+json\"))|\son[a-z]+=", re.IGNORECASE
)


@pytest.fixture
def public_urls(home_page, index_page, case_study):
    from tests.casestudies.test_reading_lists import make_reading_list

    reading_list = make_reading_list(home_page, [case_study])
    return [
        "/",
        index_page.url,
        index_page.url + "?q=pilot",
        case_study.url,
        f"/cs/{case_study.pk}/v/1/",
        reading_list.url,
        reading_list.get_parent().url,
        "/no-such-page/",
    ]


def test_cards_are_the_only_pages_any_site_may_frame(client, case_study, public_urls):
    card = client.get(f"/cs/{case_study.pk}/card/")
    assert "X-Frame-Options" not in card
    assert "frame-ancestors *" in card["Content-Security-Policy"]
    assert "default-src 'none'" in card["Content-Security-Policy"]
    assert not PUBLIC_INLINE.search(card.content.decode())


def test_every_public_page_has_the_security_headers_and_a_strict_policy(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, url
        assert "frame-ancestors 'none'" in csp
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_public_pages_have_no_inline_script_or_style(client, public_urls):
    for url in public_urls:
        html = client.get(url).content.decode()
        assert not PUBLIC_INLINE.search(html), (url, PUBLIC_INLINE.search(html).group(0))


def test_the_admin_gets_its_own_same_origin_policy(editor_client):
    response = editor_client.get("/admin/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "'unsafe-eval'" not in csp


def test_hsts_on_https_responses(client, home_page, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_session_cookies_are_httponly_and_samesite(client, django_user_model, home_page):
    django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    response = client.post("/admin/login/", {"username": "boss", "password": "pw"})
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
