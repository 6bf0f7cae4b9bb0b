"""The Atom feeds are valid Atom: every MUST of RFC 4287 section 4 checked on the parsed XML
(lxml, Atom namespace) and by feedparser (bozo 0), for the site feed, a filtered feed, and the
feature, lever and reading-list feeds each landing page offers through its own `rel="alternate"`
link. Each of those lists exactly the published, public case studies of its feature, lever or
list, never a draft or a private page."""

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree
from wagtail.models import PageViewRestriction

from tests.casestudies.test_reading_lists import make_reading_list
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db

ATOM = "http://www.w3.org/2005/Atom"
NS = {"a": ATOM}
SITE = "https://evidence.example.org"
BANK = "Partnership Evidence Bank"


def has_author(element):
    return any(author.findtext("a:name", namespaces=NS) for author in element.findall("a:author", NS))


def assert_valid_atom(xml):
    """RFC 4287 section 4's MUSTs for atom:feed (4.1.1) and atom:entry (4.1.2)."""
    feed = etree.fromstring(xml)
    assert feed.tag == f"{{{ATOM}}}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"a:{name}", NS)) == 1, f"feed needs exactly one {name}"
        assert feed.findtext(f"a:{name}", namespaces=NS).strip()
    selves = feed.xpath("a:link[@rel='self']", namespaces=NS)
    assert len(selves) == 1 and selves[0].get("href").startswith("http")
    alternates = feed.xpath("a:link[@rel='alternate' or not(@rel)]", namespaces=NS)
    assert len({(link.get("type"), link.get("hreflang")) for link in alternates}) == len(alternates)
    entries = feed.findall("a:entry", NS)
    feed_author = has_author(feed)
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"a:{name}", NS)) == 1, f"entry needs exactly one {name}"
        alternate = entry.xpath("a:link[@rel='alternate' or not(@rel)]", namespaces=NS)
        assert len(alternate) == 1 or entry.find("a:content", NS) is not None
        assert has_author(entry) or feed_author, "an author on the feed or on every entry"
    assert len({entry.findtext("a:id", namespaces=NS) for entry in entries}) == len(entries)
    parsed = feedparser.parse(xml)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return feed, parsed


@pytest.fixture
def bank(settings, home_page, index_page):
    settings.SITE_URL = SITE
    shown = make_case_study(
        index_page,
        title="Shared one",
        policy_levers=["local-convening"],
        partners=[
            {"name": "Royal Holloway, University of London", "type": "university", "role": "Teaching", "lead": True},
            {"name": "Egham Academy", "type": "school", "role": "Hosting"},
        ],
    )
    unnamed = make_case_study(index_page, title="Unnamed one", partners=[], policy_levers=["local-convening"])
    other = make_case_study(
        index_page,
        title="Other one",
        success_features=[{"feature": "shared-governance", "evidence": "A joint board."}],
    )
    draft = make_case_study(index_page, publish=False, title="Draft one", policy_levers=["local-convening"])
    private = make_case_study(index_page, title="Private one", policy_levers=["local-convening"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    reading_list = make_reading_list(home_page, [other, draft, private, shown], title="A course")
    return {"shown": shown, "unnamed": unnamed, "other": other, "list": reading_list}


@pytest.mark.parametrize("address", ["/feeds/case-studies.atom", "/feeds/case-studies.atom?phase=secondary&q=x"])
def test_the_site_feed_and_a_filtered_feed_are_valid_atom(client, bank, address):
    for _ in ("cold", "again"):
        response = client.get(address)
        assert response["Content-Type"].startswith("application/atom+xml")
        feed, parsed = assert_valid_atom(response.content)
    assert feed.xpath("a:author/a:name/text()", namespaces=NS) == [BANK]
    assert feed.xpath("a:link[@rel='self']/@href", namespaces=NS) == [SITE + address]


def test_entries_name_their_partners_as_authors_and_the_bank_where_there_are_none(client, bank):
    feed, parsed = assert_valid_atom(client.get("/feeds/case-studies.atom").content)
    authors = {
        entry.findtext("a:title", namespaces=NS): entry.xpath("a:author/a:name/text()", namespaces=NS)
        for entry in feed.findall("a:entry", NS)
    }
    assert authors["Shared one"] == ["Royal Holloway, University of London", "Egham Academy"]
    assert authors["Unnamed one"] == [BANK]
    assert parsed.feed.author_detail.name == BANK


def follow(client, landing_address):
    """The landing page's own feed, found as a feed reader finds it, and what it lists."""
    page = client.get(landing_address)
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    feeds = soup.find_all("link", rel="alternate", type="application/atom+xml")
    (link,) = [link for link in feeds if link["href"] != "/feeds/case-studies.atom"]  # the site's own
    assert soup.find("a", href=link["href"], string=lambda s: s and "Follow" in s)
    response = client.get(link["href"])
    assert response.status_code == 200
    feed, parsed = assert_valid_atom(response.content)
    return parsed


def test_a_feature_page_offers_its_own_feed_of_exactly_its_case_studies(client, bank, index_page):
    parsed = follow(client, f"{index_page.url}features/play-to-strengths/")
    assert sorted(e.title for e in parsed.entries) == ["Shared one", "Unnamed one"]
    assert parsed.feed.link == f"{SITE}{index_page.url}features/play-to-strengths/"
    parsed = follow(client, f"{index_page.url}features/shared-governance/")
    assert [e.title for e in parsed.entries] == ["Other one"]


def test_a_lever_page_offers_its_own_feed_of_exactly_its_case_studies(client, bank, index_page):
    parsed = follow(client, f"{index_page.url}levers/local-convening/")
    assert sorted(e.title for e in parsed.entries) == ["Shared one", "Unnamed one"]
    assert "Draft one" not in str(parsed) and "Private one" not in str(parsed)


def test_a_reading_list_offers_its_own_feed_of_its_published_case_studies(client, bank):
    parsed = follow(client, bank["list"].url)
    assert [e.title for e in parsed.entries] == ["Other one", "Shared one"]
    assert parsed.feed.link == f"{SITE}/cs/{bank['list'].pk}/"


@pytest.mark.parametrize(
    "address",
    ["/feeds/features/no-such-feature.atom", "/feeds/levers/no-such-lever.atom", "/feeds/reading-lists/1.atom"],
)
def test_a_feed_of_nothing_published_is_not_found(client, bank, address):
    assert client.get(address).status_code == 404
