"""Wagtail's own wagtail.embeds as the oEmbed consumer, over real HTTP from a live server: it
finds our endpoint through the page's own discovery link (Wagtail 7.4 has no discovery finder,
so the test reads the link as a consumer does and configures Wagtail's oEmbed finder with the
endpoint it names), embeds the card at a small maxwidth and stores it."""

import re
from urllib.parse import urlsplit

import pytest
import requests
from bs4 import BeautifulSoup
from pytest_django.live_server_helper import LiveServer
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders import get_finders
from wagtail.embeds.models import Embed

from home.demo import build_page_tree
from tests.factories import make_case_study


@pytest.fixture
def http_server(migrated_data_restored, django_db_serialized_rollback, transactional_db):
    """pytest-django's live server on 127.0.0.1 (a free port), over the test database committed
    as the test goes. Started here rather than by pytest-django's `live_server` fixture, whose
    autouse helper sets the database up before `migrated_data_restored`, so that the migrated
    rows would not be put back for the tests after this one."""
    server = LiveServer("127.0.0.1")
    yield server
    server.stop()


@pytest.fixture
def live_bank(http_server, settings):
    """The page tree and a published case study, with Wagtail's embed finders read afresh."""
    settings.WAGTAILADMIN_BASE_URL = http_server.url
    home, index = build_page_tree()
    get_finders.cache_clear()
    yield make_case_study(index, title="Embedded partnership")
    get_finders.cache_clear()


def discover(page_url):
    """What an oEmbed consumer does (oembed.com section 4): read the page's discovery link."""
    page = requests.get(page_url, timeout=10)
    assert page.status_code == 200
    assert "&amp;format=json" in page.text  # the & escaped in the attribute, as HTML requires
    (link,) = BeautifulSoup(page.text, "html.parser").find_all("link", type="application/json+oembed")
    return link["href"]


def test_wagtail_embeds_embeds_a_card_found_through_the_pages_own_discovery_link(live_bank, http_server, settings):
    """Over real HTTP: the discovery link works as given, and Wagtail's oEmbed finder, given the
    endpoint it names, stores a rich embed of the card that fits a small maxwidth."""
    page_url = http_server.url + live_bank.url
    href = discover(page_url)
    as_given = requests.get(href, timeout=10)
    assert as_given.status_code == 200 and as_given.json()["title"] == "Embedded partnership"
    endpoint = urlsplit(href)._replace(query="").geturl()
    assert endpoint == http_server.url + "/oembed/"
    settings.WAGTAILEMBEDS_FINDERS = [
        {
            "class": "wagtail.embeds.finders.oembed",
            "providers": [{"endpoint": endpoint, "urls": [re.escape(http_server.url) + r"/.+$"]}],
        }
    ]
    embed = embeds.get_embed(page_url, max_width=240, max_height=180)
    assert embed.type == "rich" and embed.title == "Embedded partnership"
    assert embed.width == 240 and embed.height <= 180
    iframe = BeautifulSoup(embed.html, "html.parser").iframe
    assert iframe["src"] == f"{http_server.url}/cs/{live_bank.pk}/card/" and iframe["width"] == "240"
    assert requests.get(iframe["src"], timeout=10).status_code == 200
    assert Embed.objects.filter(url=page_url, max_width=240).get().pk == embed.pk  # stored
    with pytest.raises(EmbedNotFoundException):  # 501: smaller than the smallest card
        embeds.get_embed(page_url, max_width=100, max_height=80)
