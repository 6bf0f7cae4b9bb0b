"""Embeddable cards and /oembed/, proven with a real oEmbed consumer: Wagtail's own
wagtail.embeds, configured with our endpoint as a provider."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from tests.casestudies.test_reading_lists import make_reading_list
from tests.factories import make_case_study

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


class ThroughTheTestClient:
    """`requests.get` for Wagtail's oEmbed finder, answered by this site in-process (a live
    server would need a transactional test, whose flush empties the database other tests share)."""

    def __init__(self, client):
        self.client = client
        self.calls = []

    def __call__(self, url, params=None, headers=None, **kwargs):
        self.calls.append((url, params))
        response = self.client.get(url, params)
        return Answer(response)


class Answer:
    def __init__(self, response):
        self.response = response

    def raise_for_status(self):
        import requests

        if self.response.status_code >= 400:
            raise requests.HTTPError(str(self.response.status_code))

    def json(self):
        return self.response.json()


def test_wagtail_embeds_embeds_a_case_study_through_our_endpoint(client, index_page, settings, monkeypatch):
    from wagtail.embeds import embeds
    from wagtail.embeds.finders import get_finders, oembed

    case_study = make_case_study(index_page, title="Embedded partnership")
    settings.WAGTAILEMBEDS_FINDERS = [
        {
            "class": "wagtail.embeds.finders.oembed",
            "providers": [{"endpoint": "http://testserver/oembed/", "urls": [r"^http://testserver/.+$"]}],
        }
    ]
    transport = ThroughTheTestClient(client)
    monkeypatch.setattr(oembed.requests, "get", transport)
    get_finders.cache_clear()
    try:
        embed = embeds.get_embed(f"http://testserver/cs/{case_study.pk}/", max_width=400)
    finally:
        get_finders.cache_clear()
    assert transport.calls[0][0] == "http://testserver/oembed/"
    assert embed.type == "rich" and embed.title == "Embedded partnership" and embed.width == 400
    assert f"http://testserver/cs/{case_study.pk}/card/" in embed.html
    assert embeds.get_embed(f"http://testserver/cs/{case_study.pk}/", max_width=400).pk == embed.pk  # stored
