"""Embeddable cards and /oembed/: framing, the oEmbed answer and its size limits, bad sizes.
The real consumer (Wagtail's own wagtail.embeds over HTTP) is tests/casestudies/test_embeds_live.py."""

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction

from tests.casestudies.test_reading_lists import make_reading_list
from tests.factories import make_case_study
from tests.naughty import naughty_strings

pytestmark = [pytest.mark.django_db, pytest.mark.database_agnostic]


def test_a_card_is_frameable_and_every_other_page_is_not(client, case_study):
    card = client.get(f"/cs/{case_study.pk}/card/")
    assert card.status_code == 200
    assert "X-Frame-Options" not in card
    html = card.content.decode()
    assert case_study.title in html and "Test University" in html and "CC BY 4.0" in html
    assert f'href="http://testserver/cs/{case_study.pk}/"' in html
    for url in (case_study.url, "/", "/case-studies/", f"/api/v1/case-studies/{case_study.pk}/"):
        assert client.get(url)["X-Frame-Options"] == "DENY", url


def test_reading_lists_have_cards_too(client, home_page, case_study):
    reading_list = make_reading_list(home_page, [case_study])
    html = client.get(f"/cs/{reading_list.pk}/card/").content.decode()
    assert reading_list.title in html and case_study.title in html


@pytest.mark.parametrize("which", ["permanent", "page", "version", "card"])
def test_oembed_describes_our_case_studies_as_rich_embeds_of_their_cards(client, case_study, which):
    url = {
        "permanent": f"http://testserver/cs/{case_study.pk}/",
        "page": f"http://testserver{case_study.url}",
        "version": f"http://testserver/cs/{case_study.pk}/v/1/",
        "card": f"http://testserver/cs/{case_study.pk}/card/",
    }[which]
    data = client.get("/oembed/", {"url": url, "maxwidth": 300, "maxheight": 1000}).json()
    assert data["type"] == "rich" and data["version"] == "1.0"
    assert data["width"] == 300 and data["height"] <= 1000 and data["title"] == case_study.title
    iframe = BeautifulSoup(data["html"], "html.parser").iframe
    assert iframe["src"] == f"http://testserver/cs/{case_study.pk}/card/" and iframe["width"] == "300"


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/cs/1/",
        "http://testserver.evil.example/cs/1/",
        "http://testserver/no-such-page/",
        "http://testserver/",
        "javascript:alert(1)",
        "",
        "http://testserver/cs/99999999999999999999999/",
    ],
)
def test_oembed_answers_404_for_a_url_that_is_not_ours(client, case_study, url):
    assert client.get("/oembed/", {"url": url}).status_code == 404


def test_oembed_answers_501_for_an_unsupported_format(client, case_study):
    response = client.get("/oembed/", {"url": f"http://testserver/cs/{case_study.pk}/", "format": "xml"})
    assert response.status_code == 501


def test_drafts_and_private_pages_have_no_card_or_embed(client, index_page):
    draft = make_case_study(index_page, publish=False)
    private = make_case_study(index_page)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for page in (draft, private):
        assert client.get(f"/cs/{page.pk}/card/").status_code == 404
        assert client.get("/oembed/", {"url": f"http://testserver/cs/{page.pk}/"}).status_code == 404


def test_pages_offer_oembed_discovery_and_a_snippet(client, case_study):
    soup = BeautifulSoup(client.get(case_study.url).content, "html.parser")
    link = soup.find("link", type="application/json+oembed")
    assert link["href"].startswith("http://testserver/oembed/?url=http")
    assert f"/cs/{case_study.pk}/card/" in soup.find(id="embed-snippet").get_text()


@pytest.mark.parametrize(
    ("maxwidth", "maxheight", "width", "height"),
    [(None, None, 480, 320), (300, 1000, 300, 320), (250, 150, 250, 150), (200, 120, 200, 120), (9999, 9999, 480, 320)],
)
def test_oembed_never_exceeds_the_consumers_size_limits(client, case_study, maxwidth, maxheight, width, height):
    params = {"url": f"http://testserver/cs/{case_study.pk}/"}
    params.update({k: v for k, v in (("maxwidth", maxwidth), ("maxheight", maxheight)) if v is not None})
    data = client.get("/oembed/", params).json()
    assert (data["width"], data["height"]) == (width, height)
    iframe = BeautifulSoup(data["html"], "html.parser").iframe
    assert (int(iframe["width"]), int(iframe["height"])) == (width, height)


@pytest.mark.parametrize(("maxwidth", "maxheight"), [(100, 80), (199, 400), (400, 119), (1, 1)])
def test_oembed_answers_501_when_the_card_cannot_be_made_that_small(client, case_study, maxwidth, maxheight):
    params = {"url": f"http://testserver/cs/{case_study.pk}/", "maxwidth": maxwidth, "maxheight": maxheight}
    response = client.get("/oembed/", params)
    assert response.status_code == 501 and response["Content-Type"].startswith("text/plain")
    assert "200×120" in response.content.decode()


@pytest.mark.parametrize("value", ["-5", "0", "abc", "1e9", "9" * 40, "10001", "3.5", "٣٠٠", "0x10", "+300", "\x00"])
@pytest.mark.parametrize("name", ["maxwidth", "maxheight"])
def test_oembed_answers_a_clear_400_for_a_size_that_is_not_one(client, case_study, name, value):
    response = client.get("/oembed/", {"url": f"http://testserver/cs/{case_study.pk}/", name: value})
    assert response.status_code == 400 and response["Content-Type"].startswith("text/plain")
    assert f"{name} must be a whole number of pixels" in response.content.decode()


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    width=st.text(max_size=30) | st.from_regex(r"-?[0-9]{1,45}", fullmatch=True),
    height=st.sampled_from(naughty_strings()),
)
def test_oembed_never_fails_on_any_size(client, case_study, width, height):
    params = {"url": f"http://testserver/cs/{case_study.pk}/", "maxwidth": width, "maxheight": height}
    response = client.get("/oembed/", params)
    assert response.status_code in (200, 400, 501)
    if response.status_code == 200:
        data = response.json()
        assert data["width"] <= int(width.strip() or 480) and data["height"] <= int(height.strip() or 320)
