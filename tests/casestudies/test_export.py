"""Exports: the command, the public downloads, drafts never leaking, and the round trip."""

import csv
import io
import json
from urllib.parse import urlencode

import jsonschema
import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from casestudies.interchange import SCHEMA_PATH
from casestudies.interchange.exporting import CSV_SEPARATOR
from casestudies.models import CaseStudyPage, PartnerOrganisation
from evidencebank.serving.limits import DEFAULT_MAX_QUERY_STRING_LENGTH as MAX_QUERY_STRING_LENGTH
from tests.factories import make_case_study
from tests.naughty import naughty_strings

pytestmark = pytest.mark.django_db

JSON_URL = "/case-studies/download/json/"
CSV_URL = "/case-studies/download/csv/"


def export(*args):
    out = io.StringIO()
    call_command("export_casestudies", *args, stdout=out)
    return out.getvalue()


def exported_ids(text):
    return [r["external_id"] for r in json.loads(text)["case_studies"]]


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.fixture
def mixed_pages(index_page):
    """One of each kind of page an export must and must not include."""
    live = make_case_study(index_page, external_id="live", title="Live title")
    make_case_study(index_page, publish=False, external_id="draft")
    private = make_case_study(index_page, external_id="private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    unpublished = make_case_study(index_page, external_id="unpublished")
    unpublished.unpublish()
    edited = make_case_study(index_page, external_id="edited", title="Published title")
    edited.title = "Draft title not yet published"
    edited.save_revision()
    return live


def test_json_export_holds_only_published_public_case_studies(mixed_pages):
    text = export()
    assert exported_ids(text) == ["edited", "live"]
    assert "Draft title not yet published" not in text
    assert "Published title" in text


def test_json_export_is_valid_against_the_shipped_schema(mixed_pages):
    schema = json.loads(SCHEMA_PATH.read_text())
    jsonschema.validate(json.loads(export()), schema)


def test_csv_export_has_one_row_per_case_study_with_lists_joined(index_page):
    make_case_study(
        index_page,
        external_id="multi",
        phases=["primary", "secondary"],
        partners=[{"name": "Uni A", "type": "university"}, {"name": "School B", "type": "school"}],
    )
    rows = csv_rows(export("--format", "csv"))
    assert len(rows) == 1
    assert rows[0]["phases"] == f"primary{CSV_SEPARATOR}secondary"
    assert rows[0]["partners"] == "Uni A; School B"
    assert rows[0]["external_id"] == "multi"


def test_csv_cells_that_look_like_formulas_are_neutralised(index_page):
    make_case_study(index_page, title='=HYPERLINK("http://evil")', summary="+1 fun")
    row = csv_rows(export("--format", "csv"))[0]
    assert row["title"].startswith("'=") and row["summary"].startswith("'+")


def test_export_writes_to_a_file_with_output(tmp_path, mixed_pages):
    path = tmp_path / "out.json"
    call_command("export_casestudies", "--output", str(path), stderr=io.StringIO())
    assert exported_ids(path.read_text()) == ["edited", "live"]


def test_round_trip_export_import_export_is_identical(tmp_path, index_page):
    call_command("load_demo_content", stdout=io.StringIO())
    make_case_study(
        index_page,
        external_id="extra",
        story=[
            {"type": "heading", "text": "What happened"},
            {"type": "quote", "quote": "It worked.", "attribution": "A head teacher"},
            {"type": "key_fact", "figure": "3", "label": "new teachers", "source": "Trust records"},
        ],
        last_reviewed="2025-01-31",
    )
    first = export()
    path = tmp_path / "export.json"
    path.write_text(first)
    CaseStudyPage.objects.all().delete()
    PartnerOrganisation.objects.all().delete()
    assert not CaseStudyPage.objects.exists()
    call_command("import_casestudies", str(path), "--publish", stdout=io.StringIO(), stderr=io.StringIO())
    second = export()
    assert len(json.loads(first)["case_studies"]) >= 12
    assert second == first
    assert export("--format", "csv") == export("--format", "csv")


# -- public downloads --------------------------------------------------------------------------


def test_public_json_download_is_an_attachment_without_drafts(client, mixed_pages):
    response = client.get(JSON_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert 'attachment; filename="case-studies.json"' == response["Content-Disposition"]
    assert exported_ids(response.content.decode()) == ["edited", "live"]


def test_public_csv_download_is_an_attachment_without_drafts(client, mixed_pages):
    response = client.get(CSV_URL)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert [r["external_id"] for r in csv_rows(response.content.decode())] == ["edited", "live"]


@pytest.fixture
def tagged(index_page):
    make_case_study(
        index_page, external_id="a", policy_levers=["local-convening"], region="london", start_year=2010, end_year=2012
    )
    make_case_study(index_page, external_id="b", policy_levers=["sharing-what-works"], region="london", start_year=2018)
    make_case_study(
        index_page,
        external_id="c",
        policy_levers=["local-convening"],
        region="wales",
        evidence_type=3,
        success_features=[{"feature": "shared-governance", "evidence": "A joint board."}],
    )


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["a", "b", "c"]),
        ("lever=local-convening", ["a", "c"]),
        ("lever=local-convening&lever=sharing-what-works", ["a", "b", "c"]),
        ("lever=local-convening&region=london", ["a"]),
        ("feature=shared-governance", ["c"]),
        ("evidence_type=3", ["c"]),
        ("partner_type=university", ["a", "b", "c"]),
        ("from_year=2015", ["b"]),
        ("to_year=2012", ["a"]),
        ("lever=no-such-lever", ["a", "b", "c"]),
        ("from_year=soon", ["a", "b", "c"]),
        ("to_year=-1", []),  # clamped to the earliest year, as the listing does
    ],
)
def test_downloads_export_what_the_reader_is_looking_at(client, tagged, query, expected):
    assert exported_ids(client.get(f"{JSON_URL}?{query}").content.decode()) == expected
    assert [r["external_id"] for r in csv_rows(client.get(f"{CSV_URL}?{query}").content.decode())] == expected


def test_search_text_narrows_the_export(client, index_page):
    make_case_study(index_page, external_id="lang", title="Languages for all in Sheffield")
    make_case_study(index_page, external_id="other", title="Early years outreach")
    assert exported_ids(client.get(f"{JSON_URL}?q=languages").content.decode()) == ["lang"]


PARAMS = [
    "q",
    "feature",
    "lever",
    "purpose",
    "phase",
    "region",
    "partner_type",
    "status",
    "evidence_type",
    "formality",
    "funding_model",
    "barrier",
    "from_year",
    "to_year",
]


def test_naughty_strings_in_every_parameter_never_break_the_downloads(client, tagged):
    for i, value in enumerate(naughty_strings()):
        param = PARAMS[i % len(PARAMS)]
        url = (JSON_URL, CSV_URL)[i % 2]
        params = {param: value, "q": value} if i % 3 == 0 else {param: value}
        response = client.get(url, params)
        # A string long enough, percent-encoded, passes the documented query bound: then 414.
        expected = 414 if len(urlencode(params)) > MAX_QUERY_STRING_LENGTH else 200
        assert response.status_code == expected, (param, value)


def test_download_query_count_does_not_grow_with_the_number_of_case_studies(
    client, index_page, django_assert_max_num_queries
):
    for _ in range(3):
        make_case_study(index_page)
    with django_assert_max_num_queries(25) as small:  # Wagtail's page routing included
        client.get(JSON_URL)
    for _ in range(12):
        make_case_study(index_page)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(JSON_URL)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(CSV_URL)


def test_downloads_refuse_posts(client, tagged):
    assert client.post(JSON_URL).status_code == 405


def test_export_links_carry_the_listing_filters(client, index_page):
    html = client.get(index_page.url, {"lever": "local-convening", "q": "a&b", "page": "1"}).content.decode()
    assert 'href="/case-studies/download/csv/?q=a%26b&amp;lever=local-convening"' in html
    assert 'href="/case-studies/download/json/?q=a%26b&amp;lever=local-convening"' in html
    assert "Download these case studies" in html


def test_export_links_without_filters_offer_everything(client, index_page):
    html = client.get(index_page.url).content.decode()
    assert 'href="/case-studies/download/json/"' in html and "Download all case studies" in html


def test_the_first_download_addresses_answer_301_to_the_routes_with_their_filters(client, index_page):
    response = client.get("/case-studies/export.csv", {"lever": "local-convening"})
    assert response.status_code == 301
    assert response["Location"] == "/case-studies/download/csv/?lever=local-convening"
    assert client.get("/case-studies/export.json")["Location"] == "/case-studies/download/json/"


def test_downloads_follow_the_index_page_when_its_slug_changes(client, index_page, tagged):
    index_page.slug = "evidence"
    index_page.save_revision().publish()
    response = client.get("/case-studies/export.json", follow=True)
    assert response.redirect_chain == [("/evidence/download/json/", 301)]
    assert response.status_code == 200 and response.json()["case_studies"]
    html = client.get("/evidence/").content.decode()
    assert 'href="/evidence/download/csv/"' in html


def test_a_filtered_download_holds_exactly_what_the_listing_shows(client, index_page):
    make_case_study(
        index_page,
        title="Modern languages taster days",
        success_features=[{"feature": "exciting-accessible", "evidence": "Families trust the school."}],
    )
    make_case_study(
        index_page,
        title="Modern languages A levels",
        success_features=[{"feature": "play-to-strengths", "evidence": "Each does its part."}],
    )
    make_case_study(index_page, title="Teacher training route")
    params = {"q": "MFL", "feature": "exciting-accessible"}  # MFL is a synonym of modern languages
    listing = client.get(index_page.url, params).context["finding"]
    exported = client.get(JSON_URL, params).json()["case_studies"]
    assert [r["title"] for r in exported] == ["Modern languages taster days"]
    assert {p.title for p in listing.results} == {r["title"] for r in exported}


@pytest.mark.parametrize(
    "text",
    ["\n=1+1", " =1+1", "   +SUM(A1:A2)", "\r\n@cmd", "\t-2+3", "\u00a0=1", "\u200b=1", "\uff1d1+1", "=1", "\n\n-1"],
)
def test_csv_cells_with_blanks_before_a_formula_are_neutralised(text):
    from casestudies.interchange.exporting import spreadsheet_safe

    assert spreadsheet_safe(text) == "'" + text


@pytest.mark.parametrize("text", ["Plain words", "A 50-50 split", "me@example.org", "", " leading space only"])
def test_csv_cells_that_are_not_formulas_are_left_alone(text):
    from casestudies.interchange.exporting import spreadsheet_safe

    assert spreadsheet_safe(text) == text


def test_a_downloaded_csv_never_starts_a_cell_with_a_formula(client, index_page):
    make_case_study(index_page, title="Line feed formula", summary=" =1+1 and more", advice="\n=HYPERLINK(1)")
    response = client.get(index_page.url + "download/csv/")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows
    for row in rows:
        for value in row.values():
            first = value.lstrip()[:1]
            assert not first or first not in "=+-@" or value.startswith("'"), value
