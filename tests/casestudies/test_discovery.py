"""Feeds, sitemap.xml, robots.txt, canonical links, Open Graph, JSON-LD and the licence: read
back with real parsers, every absolute address from the one configured site address."""

import json
import xml.etree.ElementTree as ET

import feedparser
import pytest
from bs4 import BeautifulSoup

from casestudies.models import CaseStudyPage
from tests.factories import make_case_study

pytestmark = [pytest.mark.django_db, pytest.mark.database_agnostic]

SITE = "https://evidence.example.org"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def site_address(settings):
    settings.SITE_URL = SITE


def test_the_atom_feed_parses_with_permanent_link_ids(client, site_address, case_study):
    response = client.get("/feeds/case-studies.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    (entry,) = feed.entries
    assert entry.id == f"{SITE}/cs/{case_study.pk}/"
    assert entry.link == f"{SITE}{case_study.url}"
    assert entry.title == case_study.title and entry.updated


def test_an_update_moves_a_case_study_to_the_top_of_the_feed(client, index_page):
    older = make_case_study(index_page, title="Older one")
    make_case_study(index_page, title="Newer one")
    page = CaseStudyPage.objects.get(pk=older.pk)
    page.summary = "Updated summary."
    page.save_revision().publish()
    feed = feedparser.parse(client.get("/feeds/case-studies.atom").content)
    assert [e.title for e in feed.entries] == ["Older one", "Newer one"]


def test_follow_this_search_feeds_the_filtered_list(client, index_page):
    make_case_study(index_page, title="Secondary one", phases=["secondary"])
    make_case_study(index_page, title="Primary one", phases=["primary"])
    listing = client.get(index_page.url, {"phase": "secondary"}).content.decode()
    soup = BeautifulSoup(listing, "html.parser")
    alternate = soup.find("link", rel="alternate", title="This search (Atom feed)")
    assert alternate["href"] == "/feeds/case-studies.atom?phase=secondary"
    assert soup.find("a", string=lambda s: s and "Follow this search" in s)
    feed = feedparser.parse(client.get(alternate["href"]).content)
    assert not feed.bozo and [e.title for e in feed.entries] == ["Secondary one"]


def test_the_sitemap_lists_public_pages_with_lastmod_and_robots_names_it(client, site_address, index_page):
    public = make_case_study(index_page, title="Public")
    draft = make_case_study(index_page, publish=False, title="Draft")
    response = client.get("/sitemap.xml")
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)
    urls = {u.findtext("sm:loc", namespaces=SITEMAP_NS): u.findtext("sm:lastmod", namespaces=SITEMAP_NS) for u in root}
    assert urls[f"{SITE}{public.url}"]
    assert f"{SITE}/case-studies/" in urls and f"{SITE}/" in urls
    assert not any(draft.slug in url for url in urls)
    robots = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {SITE}/sitemap.xml" in robots


def test_canonical_and_open_graph_come_from_the_site_address(client, site_address, case_study, home_page):
    soup = BeautifulSoup(client.get(case_study.url, HTTP_HOST="other.example").content, "html.parser")
    assert soup.find("link", rel="canonical")["href"] == f"{SITE}{case_study.url}"
    assert soup.find("meta", property="og:url")["content"] == f"{SITE}{case_study.url}"
    assert soup.find("meta", property="og:type")["content"] == "article"
    assert soup.find("meta", property="og:title")["content"] == case_study.title
    home = BeautifulSoup(client.get("/").content, "html.parser")
    assert home.find("link", rel="canonical")["href"] == f"{SITE}/"


def test_without_a_site_address_the_requests_host_is_used(client, case_study):
    soup = BeautifulSoup(client.get(case_study.url).content, "html.parser")
    assert soup.find("link", rel="canonical")["href"] == f"http://testserver{case_study.url}"


def test_case_studies_carry_schema_org_report_json_ld(client, site_address, index_page):
    page = make_case_study(index_page, title="A </script> report", policy_levers=["local-convening"])
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "Report" and data["headline"] == "A </script> report"
    assert data["author"] == [
        {"@type": "Organization", "name": "Test University"},
        {"@type": "Organization", "name": "Test Academy"},
    ]
    assert data["publisher"]["name"] == "Partnership Evidence Bank"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["datePublished"] and data["dateModified"]
    assert {"Policy levers", "Success features"} == {a["inDefinedTermSet"] for a in data["about"]}
    assert data["identifier"] == f"{SITE}/cs/{page.pk}/"


def test_the_licence_defaults_to_cc_by_and_shows_everywhere(client, index_page):
    page = make_case_study(index_page)
    assert page.licence == "cc-by-4.0"
    html = client.get(page.url).content.decode()
    assert 'rel="license"' in html and "CC BY 4.0" in html
    assert client.get(f"/api/v1/case-studies/{page.pk}/").json()["licence"]["name"] == "CC BY 4.0"
    (record,) = json.loads(client.get(f"/cs/{page.pk}/cite.json").content)
    assert record["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "licenses/by/4.0" in client.get(f"/cs/{page.pk}/cite.bib").content.decode()
    edited = CaseStudyPage.objects.get(pk=page.pk)
    edited.licence = "ogl-uk-3.0"
    edited.save_revision().publish()
    assert "Open Government Licence" in client.get(page.url).content.decode()
