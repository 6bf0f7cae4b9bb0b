"""The year the evidence describes and a source's authors: stored, exchanged, and shown to
readers as 'as reported in', so a 2014 status never reads as today's."""

import csv
import datetime
import io
import json

import jsonschema
import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from casestudies.interchange import SCHEMA_PATH, export_document, import_records
from casestudies.models import CaseStudyPage
from tests.factories import case_study_record, make_case_study

pytestmark = pytest.mark.django_db

ESSAY = {
    "title": "University-schools collaboration",
    "authors": ["Vainker, Ed", "Slavinsky, Michael"],
    "publisher": "UPP Foundation",
    "year": 2024,
}
SUPPLIED = {"title": "[SUPI Learning Project (Phase 1): findings from the interviews and survey]", "year": 2014}


def record_of(page):
    [record] = export_document([page])["case_studies"]
    return record


def test_import_stores_the_reported_year_and_each_author(index_page):
    [result] = import_records(
        [case_study_record(status="established", reported_year=2014, sources=[ESSAY])], index_page
    )
    page = CaseStudyPage.objects.get(pk=result.page.pk)
    assert page.reported_year == 2014
    assert page.sources.get().author_names == ["Vainker, Ed", "Slavinsky, Michael"]


def test_export_includes_the_new_fields_when_set_and_is_schema_valid(index_page):
    page = make_case_study(index_page, status="established", reported_year=2014, sources=[ESSAY, SUPPLIED])
    record = record_of(page)
    assert record["reported_year"] == 2014
    assert list(record)[list(record).index("status") + 1] == "reported_year"
    assert record["sources"][0]["authors"] == ["Vainker, Ed", "Slavinsky, Michael"]
    assert "authors" not in record["sources"][1]
    assert record["sources"][1]["title"].startswith("[")
    jsonschema.validate(export_document([page]), json.loads(SCHEMA_PATH.read_text()))


def test_a_version_1_record_without_them_imports_and_exports_as_before(index_page):
    page = make_case_study(index_page, status="pilot", sources=[{"title": "A report", "year": 2020}])
    record = record_of(page)
    assert "reported_year" not in record
    assert record["sources"] == [{"title": "A report", "url": "", "publisher": "", "year": 2020}]


def test_adding_a_reported_year_updates_the_page_then_nothing_changes(index_page):
    record = case_study_record(status="established", sources=[ESSAY])
    assert [r.outcome for r in import_records([record], index_page)] == ["created"]
    changed = {**record, "reported_year": 2024, "sources": [{**ESSAY, "authors": ["Vainker, Ed"]}]}
    assert [r.outcome for r in import_records([changed], index_page, publish=True)] == ["updated"]
    assert [r.outcome for r in import_records([changed], index_page, publish=True)] == ["unchanged"]
    page = CaseStudyPage.objects.get(external_id=record["external_id"])
    assert page.reported_year == 2024 and page.sources.get().author_names == ["Vainker, Ed"]


def test_round_trip_keeps_the_new_fields(index_page):
    make_case_study(index_page, status="ended", start_year=2003, end_year=2011, reported_year=2014, sources=[ESSAY])
    first = export_document()
    CaseStudyPage.objects.all().delete()
    import_records(first["case_studies"], index_page, publish=True)
    assert export_document() == first


def test_csv_has_a_reported_year_column_and_full_source_credits(index_page):
    make_case_study(index_page, status="established", reported_year=2014, sources=[ESSAY, SUPPLIED])
    out = io.StringIO()
    call_command("export_casestudies", "--format", "csv", stdout=out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert row["reported_year"] == "2014"
    assert row["source_credits"] == (
        "Vainker, Ed and Slavinsky, Michael (2024) University-schools collaboration. UPP Foundation.; "
        "(2014) [SUPI Learning Project (Phase 1): findings from the interviews and survey]."
    )


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"reported_year": "2014"}, "reported_year", "Must be a whole year"),
        ({"reported_year": True}, "reported_year", "Must be a whole year"),
        ({"reported_year": 1900}, "reported_year", "outside the range"),
        ({"reported_year": datetime.date.today().year + 1}, "reported_year", "outside the range"),
        ({"sources": [{"title": "T", "authors": "Vainker, Ed"}]}, "sources[0].authors", "Must be a list of names"),
        ({"sources": [{"title": "T", "authors": ["Vainker, Ed", ""]}]}, "sources[0].authors[1]", "must be a name"),
        ({"sources": [{"title": "T", "authors": [3]}]}, "sources[0].authors[0]", "must be a name"),
        ({"sources": [{"title": "T", "authors": ["A\nB"]}]}, "sources[0].authors[0]", "on one line"),
        ({"sources": [{"title": "T", "authors": ["x" * 256]}]}, "sources[0].authors[0]", "the limit is 255"),
        ({"sources": [{"title": "T", "authors": ["A"] * 51}]}, "sources[0].authors", "the limit is 50"),
    ],
)
def test_bad_new_fields_are_reported_by_field_and_nothing_is_written(index_page, overrides, field, message):
    [result] = import_records([case_study_record(**overrides)], index_page)
    assert result.outcome == "failed"
    assert any(e.field == field and message in e.message for e in result.errors), result.errors
    assert not CaseStudyPage.objects.exists()


def test_the_editor_refuses_a_reported_year_in_the_future(index_page):
    page = make_case_study(index_page)
    page.reported_year = datetime.date.today().year + 1
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "reported_year" in error.value.message_dict


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"status": "established", "reported_year": 2014}, "Established, as reported in 2014"),
        (
            {"status": "ended", "start_year": 2003, "end_year": 2011, "reported_year": 2014},
            "Ended, 2003–2011, as reported in 2014",
        ),
        ({"status": "pilot", "start_year": 2023, "reported_year": 2024}, "Pilot, since 2023, as reported in 2024"),
        ({"start_year": 2019, "reported_year": 2024}, "Since 2019, as reported in 2024"),
        ({"status": "established"}, "Established"),
        ({"reported_year": 2014}, ""),
    ],
)
def test_status_and_years_read_as_of_the_reported_year(index_page, fields, expected):
    assert make_case_study(index_page, **fields).status_as_reported == expected


@pytest.fixture
def reported(index_page):
    return make_case_study(
        index_page, title="Reported partnership", status="established", reported_year=2014, sources=[ESSAY, SUPPLIED]
    )


def test_case_study_page_shows_status_as_reported_and_full_credits(client, reported):
    html = client.get(reported.url).content.decode()
    assert "Established, as reported in 2014" in html
    assert (
        "Vainker, Ed; Slavinsky, Michael, <cite>University-schools collaboration</cite>, UPP Foundation (2024)" in html
    )
    assert "<cite>[SUPI Learning Project (Phase 1): findings from the interviews and survey]</cite> (2014)" in html
    assert "the present" not in html


def test_finder_result_card_shows_status_as_reported(client, index_page, reported):
    html = client.get(index_page.url).content.decode()
    assert "Established, as reported in 2014" in html


def test_related_case_study_cards_show_status_as_reported(client, index_page, reported):
    other = make_case_study(index_page, title="Another partnership")
    html = client.get(other.url).content.decode()
    assert "Reported partnership" in html
    assert "Established, as reported in 2014" in html
