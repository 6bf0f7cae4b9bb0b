"""Citations: one CSL-JSON record per case study and version, formatted by citeproc-py (golden
files for APA 7th and Harvard), and RIS, BibTeX and CSL-JSON files read back by real parsers."""

import datetime
import json
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup

from casestudies.models import CaseStudyPage, PublishedVersion
from tests.factories import make_case_study

pytestmark = [pytest.mark.django_db, pytest.mark.database_agnostic]

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "citations"
TITLE = "Études & {braces}: 100% of pupils_in a #1 trial"
PARTNERS = ["Université Côte d'Azur", "Smith & Jones Academy {Trust}"]


@pytest.fixture
def tricky(index_page, settings):
    settings.SITE_URL = "https://evidence.example.org"
    page = make_case_study(
        index_page,
        title=TITLE,
        summary="A trial with 100% of pupils & their teachers.",
        partners=[{"name": name, "type": "university" if i == 0 else "school"} for i, name in enumerate(PARTNERS)],
        success_features=[
            {"feature": "shared-governance", "evidence": "A joint board."},
            {"feature": "play-to-strengths", "evidence": "Each did its part."},
        ],
    )
    PublishedVersion.objects.filter(page=page).update(published_at=datetime.datetime(2024, 3, 5, tzinfo=datetime.UTC))
    return page


def golden(name, page):
    return (GOLDEN / name).read_text(encoding="utf-8").strip().replace("{pk}", str(page.pk))


def test_the_page_shows_apa_and_harvard_citations_matching_the_golden_files(client, tricky):
    soup = BeautifulSoup(client.get(tricky.url).content, "html.parser")
    assert soup.find(id="cite-latest-apa").get_text() == golden("apa.txt", tricky)
    assert soup.find(id="cite-latest-harvard").get_text() == golden("harvard.txt", tricky)
    version = soup.find(id="cite-version-apa").get_text()
    assert version == golden("apa.txt", tricky).replace(f"/cs/{tricky.pk}/", f"/cs/{tricky.pk}/v/1/")


def test_ris_parses_with_rispy_as_a_report_with_whole_organisation_authors(client, tricky):
    response = client.get(f"/cs/{tricky.pk}/cite.ris")
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    text = response.content.decode()
    (entry,) = rispy.loads(text)
    assert entry["type_of_reference"] == "RPRT"
    assert entry["title"] == TITLE
    assert entry["authors"] == PARTNERS
    assert entry["publisher"] == "Partnership Evidence Bank"
    assert entry["year"] == "2024"
    assert entry["urls"] == [f"https://evidence.example.org/cs/{tricky.pk}/"]
    assert "AU  - Smith & Jones Academy {Trust}\r\n" in text
    assert all(line[2:6] == "  - " for line in text.splitlines()), "no line a reader would see as noise"


def test_bibtex_parses_with_bibtexparser_without_failed_blocks(client, tricky):
    response = client.get(f"/cs/{tricky.pk}/cite.bib")
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "techreport"
    assert entry["institution"] == "Partnership Evidence Bank"
    assert entry["title"] == r"{\'Etudes \& \{braces\}: 100\% of pupils\_in a \#1 trial}".replace(r"\'E", "É")
    assert entry["author"] == r"{Université Côte d'Azur} and {Smith \& Jones Academy \{Trust\}}"
    assert entry["year"] == "2024"


def test_csl_json_is_the_one_record(client, tricky):
    response = client.get(f"/cs/{tricky.pk}/v/1/cite.json")
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    (record,) = json.loads(response.content)
    assert record["type"] == "report" and record["genre"] == "Case study"
    assert record["author"] == [{"literal": name} for name in PARTNERS]
    assert record["publisher"] == "Partnership Evidence Bank"
    assert record["issued"] == {"date-parts": [[2024]]}
    assert record["version"] == "1"
    assert record["URL"] == f"https://evidence.example.org/cs/{tricky.pk}/v/1/"


def test_highwire_meta_tags_describe_a_report(client, tricky):
    soup = BeautifulSoup(client.get(tricky.url).content, "html.parser")

    def meta(name):
        return [m["content"] for m in soup.find_all("meta", attrs={"name": name})]

    assert meta("citation_title") == [TITLE]
    assert meta("citation_author") == PARTNERS
    assert meta("citation_technical_report_institution") == ["Partnership Evidence Bank"]
    assert meta("citation_publication_date") == ["2024/03/05"]
    assert meta("citation_public_url") == [f"https://evidence.example.org/cs/{tricky.pk}/"]
    assert meta("citation_language") == ["en"]
    assert meta("citation_abstract") and meta("citation_keywords")
    alternates = {link["type"]: link["href"] for link in soup.find_all("link", rel="alternate")}
    assert alternates["application/x-research-info-systems"].endswith(f"/cs/{tricky.pk}/cite.ris")
    assert alternates["application/x-bibtex"].endswith(f"/cs/{tricky.pk}/cite.bib")
    assert alternates["application/vnd.citationstyles.csl+json"].endswith(f"/cs/{tricky.pk}/cite.json")


def test_responses_link_to_their_citation_files(client, tricky):
    link = client.get(tricky.url)["Link"]
    assert f'<https://evidence.example.org/cs/{tricky.pk}/cite.ris>; rel="describedby"' in link
    assert 'type="application/x-bibtex"' in link


def test_an_old_version_is_cited_as_it_was(client, tricky):
    page = CaseStudyPage.objects.get(pk=tricky.pk)
    page.title = "A new title"
    page.save_revision().publish()
    (old,) = rispy.loads(client.get(f"/cs/{tricky.pk}/v/1/cite.ris").content.decode())
    (new,) = rispy.loads(client.get(f"/cs/{tricky.pk}/cite.ris").content.decode())
    assert old["title"] == TITLE and old["edition"] == "Version 1"
    assert new["title"] == "A new title" and new["edition"] == "Version 2"
    assert client.get(f"/cs/{tricky.pk}/v/3/cite.ris").status_code == 404


def test_a_title_with_markup_is_escaped_in_the_formatted_citation(client, index_page):
    page = make_case_study(index_page, title="<script>alert(1)</script> partnership")
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
