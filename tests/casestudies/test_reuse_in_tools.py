"""Reuse in the tools readers use: names and facts reach reference managers whole (RIS, BibTeX,
CSL-JSON, Highwire meta, JSON-LD, the formatted citations), the bank is the corporate author of a
case study that names no partner, reading lists are visible to tools (ItemList JSON-LD, alternate
links to their own files, COinS), and the version banner speaks only where there are versions.

Zotero's importers are the clients: `zotero_ris_creator` is the name rule of zotero/translators
RIS.js (processTag, "creators"); for BibTeX, bibtexparser splits names by the rule BibTeX.js
(processField, "author") follows: at " and ", then at commas and spaces outside braces, a name
that is one braced group staying a single-field name. Each test fails if a name would be split."""

import csv
import io
import json
import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from django.core.management import call_command
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from casestudies.models import CaseStudyPage
from casestudies.reuse.citations.files import ris
from casestudies.reuse.templatetags.reading_list_tags import coins_title
from tests.casestudies.test_permanent_links import publish_change
from tests.casestudies.test_reading_lists import make_reading_list
from tests.factories import make_case_study
from tests.naughty import naughty_strings

BANK = "Partnership Evidence Bank"
ROYAL_HOLLOWAY = "Royal Holloway, University of London"
PARTNERS = [ROYAL_HOLLOWAY, "Reach Feltham"]
RECORD = {
    "id": "case-study-1",
    "title": "A title",
    "author": [],
    "publisher": BANK,
    "genre": "Case study",
    "issued": {"date-parts": [[2024]]},
    "version": "1",
    "URL": "https://evidence.example.org/cs/1/",
    "language": "en-GB",
}


def zotero_ris_creator(value):
    """RIS.js: the text before the first comma is the last name, the rest the first name; a
    name with nothing after a comma is a single-field (institutional) name."""
    value = value.strip()
    last = re.split(r"\s*,\s*", value)[0]
    first = re.sub(r"^\s*,\s*", "", value[len(last) :])
    return {"lastName": last, "fieldMode": 1} if not first else {"lastName": last, "firstName": first}


def read_html(response):
    return lxml_html.fromstring(response.content)


def json_ld(tree):
    (script,) = tree.xpath('//script[@type="application/ld+json"]')
    return json.loads(script.text)


def empties(value, path="$"):
    """Every empty string, list or object in a JSON document, by path."""
    found = []
    if value in ("", [], {}, None):
        found.append(path)
    elif isinstance(value, dict):
        for key, item in value.items():
            found += empties(item, f"{path}.{key}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            found += empties(item, f"{path}[{n}]")
    return found


@pytest.fixture
def partnered(index_page, settings):
    settings.SITE_URL = "https://evidence.example.org"
    return make_case_study(
        index_page,
        title="Languages for all",
        partners=[{"name": name, "type": "university" if i == 0 else "school"} for i, name in enumerate(PARTNERS)],
    )


@pytest.fixture
def unpartnered(index_page, settings):
    settings.SITE_URL = "https://evidence.example.org"
    return make_case_study(index_page, title="A regional programme", partners=[])


def test_ris_authors_stay_single_field_names_in_zoteros_ris_import(client, partnered):
    (entry,) = rispy.loads(client.get(f"/cs/{partnered.pk}/cite.ris").content.decode())
    creators = [zotero_ris_creator(author) for author in entry["authors"]]
    assert all(creator.get("fieldMode") == 1 for creator in creators), creators
    # The comma inside a name is U+FE50 SMALL COMMA, which NFKC maps back to the comma.
    assert [unicodedata.normalize("NFKC", c["lastName"]) for c in creators] == PARTNERS


def test_bibtex_authors_are_braced_single_names(client, partnered):
    text = client.get(f"/cs/{partnered.pk}/cite.bib").content.decode()
    library = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors(), SplitNameParts()])
    (entry,) = library.entries
    names = entry["author"]
    assert all(not name.first and not name.von and not name.jr and len(name.last) == 1 for name in names)
    assert [name.last[0].removeprefix("{").removesuffix("}") for name in names] == PARTNERS


def test_csl_json_authors_are_literal_names(client, partnered):
    (record,) = json.loads(client.get(f"/cs/{partnered.pk}/cite.json").content)
    assert record["author"] == [{"literal": name} for name in PARTNERS]


def test_version_and_licence_travel_in_every_citation_format(client, partnered):
    licence = partnered.licence_choice.url
    assert licence
    (ris,) = rispy.loads(client.get(f"/cs/{partnered.pk}/cite.ris").content.decode())
    assert ris["edition"] == "Version 1"
    assert ris["unknown_tag"]["CR"] == [licence]  # Zotero's RIS import maps CR to Rights
    bib = bibtexparser.parse_string(client.get(f"/cs/{partnered.pk}/cite.bib").content.decode()).entries[0]
    assert bib["edition"] == "Version 1" and bib["version"] == "1"  # Zotero reads edition and version
    assert bib["copyright"] == licence  # Zotero's BibTeX import maps copyright to Rights
    (csl,) = json.loads(client.get(f"/cs/{partnered.pk}/cite.json").content)
    assert csl["version"] == "1" and csl["license"] == licence
    page = read_html(client.get(partnered.url))
    assert page.xpath('//meta[@name="DC.rights"]/@content') == [licence]  # Zotero's page capture: Rights
    data = json_ld(page)
    assert data["version"] == "1" and data["license"] == licence


def test_a_case_study_without_partners_has_the_bank_as_author_everywhere(client, unpartnered):
    (ris,) = rispy.loads(client.get(f"/cs/{unpartnered.pk}/cite.ris").content.decode())
    assert ris["authors"] == [BANK]
    assert zotero_ris_creator(ris["authors"][0]) == {"lastName": BANK, "fieldMode": 1}
    bib = bibtexparser.parse_string(client.get(f"/cs/{unpartnered.pk}/cite.bib").content.decode()).entries[0]
    assert bib["author"] == "{" + BANK + "}"
    (csl,) = json.loads(client.get(f"/cs/{unpartnered.pk}/cite.json").content)
    assert csl["author"] == [{"literal": BANK}]
    page = read_html(client.get(unpartnered.url))
    assert page.xpath('//meta[@name="citation_author"]/@content') == [BANK]
    data = json_ld(page)
    assert [author["name"] for author in data["author"]] == [BANK]
    assert data["author"][0]["@type"] == "Organization"
    apa = page.xpath('string(//*[@id="cite-latest-apa"])')
    harvard = page.xpath('string(//*[@id="cite-latest-harvard"])')
    assert apa.startswith(BANK) and harvard.startswith(BANK), (apa, harvard)


def test_partnered_case_studies_keep_their_partners_as_authors_in_json_ld(client, partnered):
    data = json_ld(read_html(client.get(partnered.url)))
    assert [author["name"] for author in data["author"]] == PARTNERS
    assert not empties(data)


@pytest.fixture
def demo_loaded(db, settings):
    settings.SITE_URL = "https://evidence.example.org"
    call_command("load_demo_content", stdout=io.StringIO())


def test_every_demo_case_study_sends_json_ld_with_nothing_empty_and_an_author(client, demo_loaded):
    pages = list(CaseStudyPage.objects.live().public().prefetch_related("partners__organisation"))
    assert len(pages) >= 11
    without_partners = 0
    for page in pages:
        data = json_ld(read_html(client.get(page.url)))
        assert not empties(data), (page.slug, empties(data))
        partners = [partner.organisation.name for partner in page.partners.all()]
        assert [author["name"] for author in data["author"]] == (partners or [BANK]), page.slug
        without_partners += not partners
    assert without_partners, "the demo has case studies without partners, which this test is for"


@pytest.fixture
def reading_list(home_page, index_page, settings):
    settings.SITE_URL = "https://evidence.example.org"
    first = make_case_study(
        index_page,
        title="Languages for all",
        partners=[{"name": name, "type": "university" if i == 0 else "school"} for i, name in enumerate(PARTNERS)],
    )
    second = make_case_study(index_page, title="A regional programme", partners=[])
    draft = make_case_study(index_page, publish=False, title="Secret draft case")
    return make_reading_list(home_page, [second, draft, first]), [second, first]


def test_a_reading_list_sends_item_list_json_ld_of_its_published_case_studies(client, reading_list):
    page, published = reading_list
    data = json_ld(read_html(client.get(page.url)))
    assert data["@type"] == "ItemList" and data["name"] == page.title
    assert data["numberOfItems"] == 2
    assert data["itemListElement"] == [
        {
            "@type": "ListItem",
            "position": n,
            "url": f"https://evidence.example.org/cs/{case_study.pk}/",
            "name": case_study.title,
        }
        for n, case_study in enumerate(published, start=1)
    ]
    assert "Secret draft case" not in json.dumps(data)
    assert not empties(data)


def test_a_reading_lists_alternate_links_give_its_own_files_that_parse(client, reading_list):
    page, published = reading_list
    links = {
        link.get("type"): link.get("href")
        for link in read_html(client.get(page.url)).xpath('//head/link[@rel="alternate"]')
    }
    expected = {
        "application/x-research-info-systems": "ris",
        "application/x-bibtex": "bib",
        "text/csv": "csv",
        "application/json": "json",
    }
    assert set(expected) <= set(links)
    titles = [case_study.title for case_study in published]
    for media_type, extension in expected.items():
        url = links[media_type]
        assert url == f"https://evidence.example.org/cs/{page.pk}/list.{extension}"
        response = client.get(urlsplit(url).path)
        assert response.status_code == 200
        assert response["Content-Type"].split(";")[0] == media_type
        text = response.content.decode("utf-8-sig")
        if extension == "ris":
            assert [entry["title"] for entry in rispy.loads(text)] == titles
        elif extension == "bib":
            library = bibtexparser.parse_string(text)
            assert not library.failed_blocks
            assert [entry["title"] for entry in library.entries] == ["{" + title + "}" for title in titles]
        elif extension == "csv":
            assert [row["title"] for row in csv.DictReader(io.StringIO(text))] == titles
        else:
            assert [record["title"] for record in json.loads(text)["case_studies"]] == titles


def test_a_reading_list_offers_each_case_study_as_a_coins_item(client, reading_list):
    page, published = reading_list
    spans = read_html(client.get(page.url)).xpath('//span[contains(concat(" ", @class, " "), " Z3988 ")]')
    assert len(spans) == 2  # two or more: Zotero's COinS translator offers a list to pick from
    for span, case_study in zip(spans, published, strict=True):
        fields = parse_qs(span.get("title"), strict_parsing=True)
        assert fields["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:book"] and fields["rft.genre"] == ["report"]
        assert fields["rft.btitle"] == [case_study.title]
        assert fields["rft_id"] == [f"https://evidence.example.org/cs/{case_study.pk}/"]
        assert fields["rft.edition"] == ["Version 1"]
        partners = [partner.organisation.name for partner in case_study.partners.all()]
        # rft.aucorp: Zotero keeps each one a single-field (institutional) name.
        assert fields["rft.aucorp"] == (partners or [BANK])
    assert "rft.au=" not in spans[0].get("title")


def test_a_single_version_case_study_says_nothing_about_other_versions(client, partnered):
    html = client.get(f"/cs/{partnered.pk}/v/1/").content.decode()
    assert "version-banner" not in html
    assert "Read the latest version" not in html and "An earlier version" not in html


def test_a_two_version_case_study_still_has_its_banner(client, partnered):
    publish_change(partnered, "Rewrote the summary", summary="An entirely new summary.")
    old = read_html(client.get(f"/cs/{partnered.pk}/v/1/"))
    assert old.xpath('string(//*[@id="version-banner-heading"])') == "An earlier version"
    assert "Read the latest version" in old.xpath('string(//*[contains(@class, "version-banner")])')
    latest = read_html(client.get(f"/cs/{partnered.pk}/v/2/"))
    assert "which is also the latest version" in latest.xpath('string(//*[contains(@class, "version-banner")])')


NAMES = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1).filter(lambda s: s.strip())


@given(name=NAMES)
@hypothesis_settings(max_examples=300)
def test_any_organisation_name_is_one_whole_name_in_ris(name):
    """Naughty or not, a name is one single-field RIS author whose NFKC form is the name's."""
    (entry,) = rispy.loads(ris({**RECORD, "author": [{"literal": name}]}))
    (author,) = entry["authors"]
    assert zotero_ris_creator(author).get("fieldMode") == 1
    one_line = " ".join(name.split())
    assert unicodedata.normalize("NFKC", author) == unicodedata.normalize("NFKC", one_line)


@pytest.mark.parametrize("name", naughty_strings())
@given(title=NAMES)
@hypothesis_settings(max_examples=2)
def test_coins_carry_any_title_and_name_back_unchanged(name, title):
    record = {**RECORD, "title": title, "author": [{"literal": name}]}
    fields = parse_qs(coins_title(record), keep_blank_values=True, strict_parsing=True)
    assert fields["rft.btitle"] == [title]
    assert fields["rft.aucorp"] == [name]
