"""The anonymous response cache: what is stored, what never is, and that a reader never sees a
stale page or count after any kind of change (every key carries the findable-content token)."""

import pytest
from wagtail.models import PageViewRestriction

from casestudies.models import PartnerOrganisation, SuccessFeature, SynonymGroup
from home.models import StandardPage
from tests.factories import make_case_study

pytestmark = pytest.mark.usefixtures("response_cache")


def fetch(client, url, **params):
    response = client.get(url, params)
    return response, response.content.decode()


def cached_twice(client, url, **params):
    """Fetch until the cache holds it: a miss, then a hit with the same body."""
    first, body = fetch(client, url, **params)
    second, again = fetch(client, url, **params)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit"), url
    assert body == again
    return again


def test_an_anonymous_page_is_served_from_the_cache_with_validators(client, case_study):
    first = client.get(case_study.url)
    assert first["X-Cache"] == "miss"
    assert "public" in first["Cache-Control"] and "max-age=0" in first["Cache-Control"]
    assert "Cookie" in first["Vary"]
    second = client.get(case_study.url)
    assert second["X-Cache"] == "hit" and second.content == first.content
    assert second["ETag"] == first["ETag"]
    # Every hit still gets its own request id and the security headers.
    assert second["X-Request-ID"] != first["X-Request-ID"]
    assert "default-src 'none'" in second["Content-Security-Policy"]
    unchanged = client.get(case_study.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert unchanged.status_code == 304 and unchanged.content == b""


def test_a_logged_in_editor_is_never_served_or_stored(editor_client, case_study):
    from django.test import Client

    cached_twice(Client(), case_study.url)
    response = editor_client.get(case_study.url)
    assert response["X-Cache"] == "bypass"
    assert "private" in response["Cache-Control"]


def test_admin_and_previews_are_never_cached(editor_client, case_study):
    for url in (f"/admin/pages/{case_study.pk}/edit/", f"/admin/pages/{case_study.pk}/view_draft/"):
        response = editor_client.get(url)
        assert response.get("X-Cache") == "bypass", url


def test_a_private_page_is_never_stored_even_once_unlocked(client, case_study):
    restriction = PageViewRestriction.objects.create(page=case_study, restriction_type="password", password="sesame")
    form = client.get(case_study.url)
    assert form["X-Cache"] == "bypass" and client.get(case_study.url)["X-Cache"] == "bypass"
    unlock = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{case_study.pk}/",
        {"password": "sesame", "return_url": case_study.url},
    )
    assert unlock.status_code == 302
    shown = client.get(case_study.url)
    assert case_study.title in shown.content.decode() and shown["X-Cache"] == "bypass"
    # A new reader, without that session, still meets the password form.
    client.cookies.clear()
    again = client.get(case_study.url)
    assert case_study.summary not in again.content.decode()


def test_privacy_is_read_once_per_page_served(client, case_study):
    """The cache's privacy check and Wagtail's own share one reading of the restrictions (none at
    all while the site has none), and listings read the private sections once per change."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def restriction_queries(visit):
        # A host of its own makes a new address (parameters the page does not read are not kept).
        client.get(case_study.url, HTTP_HOST=f"warm{visit}.example")  # a first reading after a change
        with CaptureQueriesContext(connection) as queries:
            response = client.get(case_study.url, HTTP_HOST=f"visit{visit}.example")  # a cache miss
        return response, [q for q in queries if "pageviewrestriction" in q["sql"].lower()]

    response, read = restriction_queries(1)
    # No restriction anywhere on the site: known without asking on each page served.
    assert response.status_code == 200 and response["X-Cache"] == "miss" and len(read) == 0
    PageViewRestriction.objects.create(page=case_study, restriction_type="password", password="sesame")
    response, read = restriction_queries(2)
    # Still Wagtail's password form, never the page, and never stored.
    assert case_study.summary not in response.content.decode() and response["X-Cache"] == "bypass"
    assert len(read) == 1


def test_a_response_that_sets_a_cookie_is_not_stored(client, case_study, settings):
    # Wagtail's page-password form sets the CSRF cookie: covered above. Here, Django's own rule.
    from django.http import HttpRequest, HttpResponse

    from evidencebank.serving.responsecache import response_may_be_stored

    request = HttpRequest()
    request.method = "GET"
    response = HttpResponse("hello")
    assert response_may_be_stored(request, response)
    response.set_cookie("chosen", "1")
    assert not response_may_be_stored(request, response)


def test_publish_shows_the_new_text_at_once(client, index_page, case_study):
    assert "Old words" not in cached_twice(client, case_study.url)
    cached_twice(client, index_page.url)
    case_study.title = "Renamed partnership"
    case_study.save_revision().publish()
    assert "Renamed partnership" in fetch(client, case_study.url)[1]
    assert "Renamed partnership" in fetch(client, index_page.url)[1]


def test_a_draft_never_reaches_the_cache(client, case_study):
    cached_twice(client, case_study.url)
    case_study.title = "Unreviewed draft title"
    case_study.save_revision()
    assert "Unreviewed draft title" not in fetch(client, case_study.url)[1]


def test_unpublish_removes_the_page_and_its_count(client, index_page, case_study):
    assert case_study.title in cached_twice(client, index_page.url)
    cached_twice(client, case_study.url)
    case_study.unpublish()
    assert client.get(case_study.url).status_code == 404
    assert case_study.title not in fetch(client, index_page.url)[1]


def test_delete_removes_the_page_and_its_count(client, index_page, case_study):
    assert case_study.title in cached_twice(client, index_page.url)
    cached_twice(client, case_study.url)
    url = case_study.url
    case_study.delete()
    assert client.get(url).status_code == 404
    assert case_study.title not in fetch(client, index_page.url)[1]


def test_move_answers_at_the_new_address_and_not_the_old(client, home_page):
    parent = home_page.add_child(instance=StandardPage(title="About us", slug="about-us"))
    other = home_page.add_child(instance=StandardPage(title="Elsewhere", slug="elsewhere"))
    child = parent.add_child(instance=StandardPage(title="Moving page", slug="moving"))
    old_url = child.url
    cached_twice(client, old_url)
    child.move(other, pos="last-child")
    child.refresh_from_db()
    moved = client.get(old_url)  # Wagtail's automatic redirect, never the cached old page
    assert moved.status_code == 301 and moved["Location"].endswith(child.url)
    assert "Moving page" in client.get(child.url).content.decode()


def test_privacy_hides_the_page_and_its_count(client, index_page, case_study):
    assert case_study.title in cached_twice(client, index_page.url)
    assert case_study.summary in cached_twice(client, case_study.url)
    PageViewRestriction.objects.create(page=case_study, restriction_type="login")
    assert client.get(case_study.url).status_code == 302
    assert case_study.title not in fetch(client, index_page.url)[1]


def test_renaming_a_taxonomy_term_shows_at_once(client, index_page, case_study):
    cached_twice(client, case_study.url)
    cached_twice(client, index_page.url)
    term = SuccessFeature.objects.get(slug="play-to-strengths")
    term.name = "Each partner plays to its strengths (renamed)"
    term.save()
    assert "(renamed)" in fetch(client, case_study.url)[1]
    assert "(renamed)" in fetch(client, index_page.url)[1]


def test_renaming_an_organisation_shows_at_once(client, case_study):
    assert "Test University" in cached_twice(client, case_study.url)
    organisation = PartnerOrganisation.objects.get(name="Test University")
    organisation.name = "University of Testing"
    organisation.save()
    assert "University of Testing" in fetch(client, case_study.url)[1]


def test_a_new_synonym_finds_case_studies_at_once(client, index_page):
    page = make_case_study(index_page, title="Kestrel mentoring scheme", summary="Mentoring by undergraduates.")
    assert page.title not in cached_twice(client, index_page.url, q="falconry")
    SynonymGroup.objects.create(terms="falconry, kestrel")
    assert page.title in fetch(client, index_page.url, q="falconry")[1]


def test_a_reader_accepting_gzip_gets_the_stored_compressed_copy(client, case_study):
    import gzip

    plain = client.get(case_study.url)
    packed = client.get(case_study.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed["X-Cache"] == "hit" and packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 2
    assert "Accept-Encoding" in packed["Vary"] and packed["ETag"] != plain["ETag"]
    again = client.get(case_study.url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed["ETag"])
    assert again.status_code == 304
