"""What the site serves after migrating and loading the demo content, checked against the sources:
the seeded taxonomy text, the health-check set, the pages readers see, the import report and the
content-quality report."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from casestudies.models import Barrier, CaseStudyPage, PartnerOrganisation, PolicyLever, Purpose, SuccessFeature
from casestudies.sourcecheck import check_document, check_statement
from editorial.sourcecheck import source_rows
from healthcheck.models import StatementSet
from healthcheck.seed import STATEMENTS, STATEMENTS_V2
from tests.editorial.conftest import client_for, member_of

from .conftest import demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_loaded(db):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))


def test_the_seeded_taxonomy_text_and_practice_notes_pass_the_checks(lib):
    pieces = []
    for term in [*SuccessFeature.objects.all(), *PolicyLever.objects.all()]:
        pieces += [(f"{term.slug} description", term.description), (f"{term.slug} explanation", term.explanation)]
    for term in [*Barrier.objects.all(), *Purpose.objects.all()]:
        pieces.append((f"{term.slug} description", term.description))
    notes = [(f"{f.slug} practice notes", f.practice_notes) for f in SuccessFeature.objects.all()]
    assert sum(1 for _, text in notes if text) == 4
    assert check_document(lib, pieces + notes) == []


def test_every_practice_note_names_its_passage(lib):
    from casestudies.sourcecheck import check_passages

    for feature in SuccessFeature.objects.exclude(practice_notes=""):
        for n, note in enumerate(feature.practice_notes.split("\n\n"), start=1):
            assert check_passages(lib, note, f"{feature.slug} note {n}") == [], note


def test_the_corrected_health_check_is_a_new_version_and_version_1_is_kept(lib, client):
    current = StatementSet.current()
    assert current.version == 2
    assert {s["text"] for s in current.statements} == {row[1] for row in STATEMENTS_V2}
    for n, statement in enumerate(current.statements, start=1):
        assert check_statement(lib, statement, f"statement {n}") == []
    assert {s["text"] for s in StatementSet.objects.get(version=1).statements} == {row[1] for row in STATEMENTS}
    old = client.get("/health-check/result/", {"r": "1-" + "3" * 15}).content.decode()
    assert "The partnership would carry on if a particular grant ended." in old
    form = client.get("/health-check/").content.decode()
    assert "The partnership would carry on" not in form
    assert "sit on the partnership&#x27;s steering group" in form
    assert "[SUPI Learning Project (Phase 1): findings from the interviews and survey]" in form


def test_the_demo_site_passes_every_source_check(demo_loaded, lib):
    assert source_rows() == []


def test_a_case_study_whose_source_gives_no_status_says_so(demo_loaded, client):
    page = CaseStudyPage.objects.get(external_id="teaching-scotlands-future-local-partnerships")
    assert page.status == "not-reported"
    assert "Status not reported in the 2014 source" in client.get(page.url).content.decode()


def test_quotations_are_shown_in_quotation_marks(demo_loaded, client):
    page = CaseStudyPage.objects.get(external_id="university-reach-out-lab")
    html = client.get(page.url).content.decode()
    assert "“translate some of their aspirations in terms of public engagement into tangible outreach activity”" in html


def test_the_feature_page_shows_practice_described_in_the_sources(demo_loaded, client):
    html = client.get("/case-studies/features/shared-governance/").content.decode()
    assert "Practice described in the sources" in html
    assert "Joining the Dots" in html and "the interview study, theme 5" in html


def test_an_existing_demo_site_withdraws_what_the_sources_do_not_support(demo_loaded, capsys):
    birmingham = json.loads(json.dumps(demo("case_studies.json")["case_studies"][0]))
    birmingham.update(external_id="birmingham-pooled-outreach-office", title="Birmingham pooled office")
    from casestudies.interchange import import_records
    from casestudies.models import CaseStudyIndexPage

    import_records([birmingham], CaseStudyIndexPage.get_solo(), publish=True)
    assert CaseStudyPage.objects.live().filter(external_id="birmingham-pooled-outreach-office").exists()
    PartnerOrganisation.objects.filter(name="Reach in Feltham").update(name="Reach Feltham")
    capsys.readouterr()
    call_command("load_demo_content")
    assert "Withdrawn (unpublished): birmingham-pooled-outreach-office" in capsys.readouterr().out
    assert not CaseStudyPage.objects.live().filter(external_id="birmingham-pooled-outreach-office").exists()
    assert list(PartnerOrganisation.objects.filter(name__icontains="Feltham").values_list("name", flat=True)) == [
        "Reach in Feltham"
    ]


COPIED = (
    "Local Authorities are seen as crucial to this effort in mediating and securing support to establish "
    "and secure partnerships."
)


def copied_record():
    record = json.loads(json.dumps(demo("case_studies.json")["case_studies"][-1]))
    record.update(external_id="copied-words", title="Copied words")
    record["story"][1]["text"] = COPIED
    record["status"] = None
    return record


def test_an_import_with_copied_words_is_not_blocked_but_the_editor_is_warned(index_page, django_user_model):
    from editorial.roles import EDITORS

    client = client_for(member_of(django_user_model, EDITORS, "importer"))
    body = json.dumps({"schema_version": 1, "case_studies": [copied_record()]}).encode()
    response = client.post(reverse("editorial:import"), {"file": SimpleUploadedFile("c.json", body)})
    html = client.get(response["Location"]).content.decode()
    assert "Of 1 record, 1 case study would be created." in html
    assert "Warnings: checked against the sources" in html
    assert "Source&#x27;s words copied without quotation marks" in html
    assert "No status" in html


def test_the_quality_report_lists_a_copied_run_on_a_live_page(index_page, django_user_model):
    from casestudies.interchange import write_record
    from editorial.roles import MODERATORS

    write_record(copied_record(), index_page, publish=True)
    client = client_for(member_of(django_user_model, MODERATORS, "checker"))
    html = client.get(reverse("editorial:quality")).content.decode()
    assert "Live pages checked against the sources" in html
    assert "Copied words" in html and "Source&#x27;s words copied without quotation marks" in html


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"status": "not-reported", "reported_year": 2014}, "Status not reported in the 2014 source"),
        (
            {"status": "not-reported", "reported_year": 2014, "start_year": 2003, "end_year": 2011},
            "Status not reported in the 2014 source, 2003–2011",
        ),
        ({"status": "not-reported"}, "Status not reported"),
    ],
)
def test_a_status_not_reported_reads_as_such_and_is_never_ongoing(index_page, fields, expected):
    from tests.factories import make_case_study

    page = make_case_study(index_page, **fields, **({"start_year": 2020} if "start_year" not in fields else {}))
    assert page.status_as_reported.startswith(expected)
    assert not page.is_ongoing
