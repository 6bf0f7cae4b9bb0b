"""`manage.py import_casestudies`: idempotent, per-record transactions, clear messages, exit status."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import PageLogEntry, Revision

from casestudies.interchange import import_records
from casestudies.models import CaseStudyPage, PartnerOrganisation
from tests.factories import case_study_record
from tests.naughty import naughty_strings

pytestmark = pytest.mark.django_db


def write_file(tmp_path, records, name="cases.json", **document):
    path = tmp_path / name
    path.write_text(json.dumps({"schema_version": 1, "case_studies": records, **document}), encoding="utf-8")
    return str(path)


def run(path, *args):
    """Run the command; return (stdout, stderr, exit status)."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_casestudies", path, *args, stdout=out, stderr=err)
        status = 0
    except CommandError as exc:
        err.write(str(exc))
        status = exc.returncode
    return out.getvalue(), err.getvalue(), status


def summary_line(out, outcome):
    line = next(line for line in out.splitlines() if line.startswith(outcome))
    return int(line.split()[-1])


def test_import_creates_drafts_and_prints_a_summary_table(tmp_path, index_page):
    path = write_file(tmp_path, [case_study_record(external_id="one"), case_study_record(external_id="two")])
    out, err, status = run(path)
    assert status == 0
    assert summary_line(out, "created") == 2 and summary_line(out, "failed") == 0
    assert set(CaseStudyPage.objects.values_list("external_id", "live")) == {("one", False), ("two", False)}


def test_second_run_of_the_same_file_reports_every_record_unchanged(tmp_path, index_page):
    path = write_file(tmp_path, [case_study_record(external_id=f"r-{n}") for n in range(3)])
    run(path, "--publish")
    revisions = Revision.objects.count()
    out, err, status = run(path, "--publish")
    assert status == 0
    assert summary_line(out, "unchanged") == 3 and summary_line(out, "created") == 0
    assert Revision.objects.count() == revisions


def test_a_changed_record_becomes_a_new_revision_of_the_same_page(tmp_path, index_page):
    run(write_file(tmp_path, [case_study_record(external_id="same", title="First title")]), "--publish")
    page = CaseStudyPage.objects.get(external_id="same")
    out, _, _ = run(
        write_file(tmp_path, [case_study_record(external_id="same", title="Second title")], "v2.json"), "--publish"
    )
    assert summary_line(out, "updated") == 1
    assert CaseStudyPage.objects.filter(external_id="same").count() == 1
    page.refresh_from_db()
    assert page.title == "Second title" and page.revisions.count() == 2


def test_publish_needs_both_the_flag_and_the_record(tmp_path, index_page):
    records = [
        case_study_record(external_id="asks", publish=True),
        case_study_record(external_id="silent", publish=False),
    ]
    run(write_file(tmp_path, records))
    assert not CaseStudyPage.objects.filter(live=True).exists()
    run(write_file(tmp_path, records), "--publish")
    assert set(CaseStudyPage.objects.filter(live=True).values_list("external_id", flat=True)) == {"asks"}


def test_partners_are_matched_by_name_ignoring_case_and_created_when_missing(tmp_path, index_page):
    PartnerOrganisation.objects.create(name="Kingston University", type="university")
    record = case_study_record(
        partners=[
            {"name": "KINGSTON university", "type": "university"},
            {"name": "Reach Academy Feltham", "type": "school"},
        ]
    )
    run(write_file(tmp_path, [record]))
    assert PartnerOrganisation.objects.filter(name__iexact="kingston university").count() == 1
    assert PartnerOrganisation.objects.filter(name="Reach Academy Feltham", type="school").exists()


def test_dry_run_reports_what_would_happen_and_writes_nothing(tmp_path, index_page):
    out, _, status = run(write_file(tmp_path, [case_study_record()]), "--dry-run", "--publish")
    assert status == 0 and "Dry run" in out and summary_line(out, "created") == 1
    assert not CaseStudyPage.objects.exists() and not PartnerOrganisation.objects.exists()


def test_import_is_in_the_audit_log_with_the_user(tmp_path, index_page, django_user_model):
    importer = django_user_model.objects.create_user("importer")
    run(
        write_file(tmp_path, [case_study_record(external_id="logged", publish=True)]), "--publish", "--user", "importer"
    )
    page = CaseStudyPage.objects.get(external_id="logged")
    actions = set(PageLogEntry.objects.filter(page=page, user=importer).values_list("action", flat=True))
    assert {"wagtail.create", "casestudies.import", "wagtail.publish"} <= actions


def test_unknown_user_is_refused_before_anything_is_written(tmp_path, index_page):
    _, err, status = run(write_file(tmp_path, [case_study_record()]), "--user", "nobody")
    assert status != 0 and "no user called" in err
    assert not CaseStudyPage.objects.exists()


# -- bad input ---------------------------------------------------------------------------------


def test_failures_name_the_record_its_external_id_and_field_and_exit_non_zero(tmp_path, index_page):
    records = [case_study_record(external_id="good"), case_study_record(external_id="bad", region="atlantis")]
    out, err, status = run(write_file(tmp_path, records))
    assert status == 1
    assert "record 2 (bad), field region: “atlantis” is not a known value" in err
    assert summary_line(out, "created") == 1 and summary_line(out, "failed") == 1
    assert list(CaseStudyPage.objects.values_list("external_id", flat=True)) == ["good"]


def missing(field):
    record = case_study_record()
    del record[field]
    return record


BAD_RECORDS = [
    ("unknown slug", case_study_record(policy_levers=["bribery"]), "policy_levers[0]", "is not a known value"),
    (
        "unknown feature",
        case_study_record(success_features=[{"feature": "luck", "evidence": "x"}]),
        "success_features[0].feature",
        "is not a known value",
    ),
    ("missing title", missing("title"), "title", "required"),
    ("missing summary", missing("summary"), "summary", "required"),
    ("missing external_id", missing("external_id"), "external_id", "required"),
    ("missing evidence type", missing("evidence_type"), "evidence_type", "Required"),
    ("no success features", case_study_record(success_features=[]), "success_features", "At least one"),
    (
        "empty evidence",
        case_study_record(success_features=[{"feature": "play-to-strengths", "evidence": ""}]),
        "success_features[0].evidence",
        "required",
    ),
    ("wrong type title", case_study_record(title=42), "title", "Must be text"),
    ("wrong type year", case_study_record(start_year="2019"), "start_year", "Must be a whole year"),
    ("wrong type list", case_study_record(phases="primary"), "phases", "Must be a list"),
    ("wrong type publish", case_study_record(publish="yes"), "publish", "true or false"),
    ("over-long summary", case_study_record(summary="x" * 401), "summary", "the limit is 400"),
    ("over-long title", case_study_record(title="x" * 256), "title", "the limit is 255"),
    ("misspelt field", {**case_study_record(), "sumary": "typo"}, "", "“sumary” is not a field"),
    (
        "bad url",
        case_study_record(sources=[{"title": "T", "url": "javascript:alert(1)"}]),
        "sources[0].url",
        "web address",
    ),
    ("not an object", "just a string", "", "must be a JSON object"),
]


@pytest.mark.parametrize("label, record, field, message", BAD_RECORDS, ids=[b[0] for b in BAD_RECORDS])
def test_each_bad_record_is_reported_with_field_and_message_and_not_written(
    tmp_path, index_page, label, record, field, message
):
    out, err, status = run(write_file(tmp_path, [record]))
    assert status == 1
    expected = f", field {field}: " if field else ": "
    lines = [line for line in err.splitlines() if line.startswith(("record 1 ", "record 1,", "record 1:"))]
    assert any(expected in line and message in line for line in lines), err
    assert not CaseStudyPage.objects.exists()


def test_duplicate_external_ids_in_one_file_fail_the_second(tmp_path, index_page):
    records = [
        case_study_record(external_id="twin", title="First"),
        case_study_record(external_id="twin", title="Second"),
    ]
    _, err, status = run(write_file(tmp_path, records))
    assert status == 1
    assert "record 2 (twin), field external_id: “twin” is also used by record 1." in err
    assert list(CaseStudyPage.objects.values_list("title", flat=True)) == ["First"]


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"schema_version": 1, "case_studies": [', "not valid JSON: expecting value at line 1"),
        ('{"schema_version": 2, "case_studies": []}', "schema_version 2; this bank reads version 1"),
        ('{"case_studies": []}', "no schema_version"),
        ('{"schema_version": 1}', 'needs a "case_studies" list'),
        ('{"schema_version": "1", "case_studies": []}', 'schema_version "1"'),
        ("[]", "must be one JSON object"),
    ],
)
def test_unreadable_files_are_refused_with_a_clear_message(tmp_path, index_page, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    _, err, status = run(str(path))
    assert status != 0 and message in err
    assert "Traceback" not in err


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path, index_page, monkeypatch):
    path = tmp_path / "huge.json"
    with open(path, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: costs no disk or memory
    monkeypatch.setattr("casestudies.interchange.reading.parse_document", lambda data: pytest.fail("parsed"))
    _, err, status = run(str(path))
    assert status != 0
    assert "The file is 50.0 MB; the largest file the importer accepts is 20.0 MB" in err


def test_a_missing_file_gets_a_message_not_a_traceback(tmp_path, index_page):
    _, err, status = run(str(tmp_path / "nowhere.json"))
    assert status != 0 and "Cannot open the file" in err


def test_html_and_script_are_stored_as_text_and_never_executed(tmp_path, index_page, client):
    script = "<script>alert('x')</script>"
    record = case_study_record(
        external_id="scripted",
        title=f"Title {script}",
        summary=f"Summary {script}",
        body=f"Body {script}<b>bold</b>",
        publish=True,
    )
    run(write_file(tmp_path, [record]), "--publish")
    page = CaseStudyPage.objects.get(external_id="scripted")
    assert page.title == f"Title {script}"
    html = client.get(page.url).content.decode()
    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;" in html and "<b>bold</b>" not in html


def test_a_record_that_fails_while_writing_leaves_nothing_behind(tmp_path, index_page, monkeypatch):
    import casestudies.interchange.writing as importing

    real_apply = importing.apply_record

    def apply_then_fail(page, record):
        real_apply(page, record)  # creates the partner organisations
        if record["external_id"] == "explodes":
            raise RuntimeError("disk full")

    monkeypatch.setattr(importing, "apply_record", apply_then_fail)
    records = [case_study_record(external_id="explodes", partners=[{"name": "Only In The Failed Record"}])]
    with pytest.raises(RuntimeError):
        import_records(records, index_page)
    assert not PartnerOrganisation.objects.filter(name="Only In The Failed Record").exists()
    assert not CaseStudyPage.objects.exists()


def test_naughty_strings_in_text_fields_are_checked_without_crashing(index_page):
    strings = naughty_strings()
    records = [
        case_study_record(
            external_id=f"n-{i}", title=s, summary=s, success_features=[{"feature": "play-to-strengths", "evidence": s}]
        )
        for i, s in enumerate(strings)
    ]
    results = import_records(records, index_page, dry_run=True)
    assert len(results) == len(strings)
    for result in results:
        assert result.outcome in ("created", "failed")
        assert all(error.message for error in result.errors)


def test_naughty_strings_are_imported_as_plain_text(index_page):
    strings = naughty_strings()[::20]
    records = [case_study_record(external_id=f"n-{i}", title=s, summary=s) for i, s in enumerate(strings)]
    results = import_records(records, index_page, publish=True)
    for s, result in zip(strings, results):
        if result.outcome == "created":
            result.page.refresh_from_db()
            assert result.page.title == s
        else:
            assert result.errors


def test_imported_case_studies_are_found_by_search_and_updates_reindexed(tmp_path, index_page):
    records = [case_study_record(external_id=f"s-{n}", title=f"Partnership number {n}") for n in range(3)]
    records.append(case_study_record(external_id="s-zebra", title="Zebra crossing outreach", publish=True))
    run(write_file(tmp_path, records), "--publish")
    assert [p.external_id for p in CaseStudyPage.objects.live().search("zebra")] == ["s-zebra"]
    run(
        write_file(
            tmp_path, [case_study_record(external_id="s-zebra", title="Giraffe outreach", publish=True)], "v2.json"
        ),
        "--publish",
    )
    assert [p.external_id for p in CaseStudyPage.objects.live().search("giraffe")] == ["s-zebra"]
    assert not CaseStudyPage.objects.live().search("zebra")


class Terminal(__import__("io").StringIO):
    def isatty(self):
        return True


def test_a_progress_bar_is_shown_on_a_terminal(tmp_path, index_page):
    err = Terminal()
    call_command(
        "import_casestudies",
        write_file(tmp_path, [case_study_record(), case_study_record()]),
        stdout=Terminal(),
        stderr=err,
    )
    assert "Importing: 100%" in err.getvalue() and "2/2" in err.getvalue()


def test_an_imported_and_published_page_ends_as_wagtails_own_publish_would(index_page):
    from wagtail.signals import page_published

    from casestudies.interchange import write_record

    received = []

    def receiver(sender, instance, revision, **kwargs):
        received.append((instance.pk, revision.pk))

    page_published.connect(receiver)
    try:
        outcome, page = write_record(case_study_record(), index_page, publish=True)
    finally:
        page_published.disconnect(receiver)
    page.refresh_from_db()
    assert outcome == "created"
    assert page.live and not page.has_unpublished_changes and not page.expired
    assert page.live_revision_id == page.latest_revision_id
    assert page.first_published_at == page.last_published_at is not None
    assert received == [(page.pk, page.live_revision_id)]
    actions = list(PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", flat=True))
    assert actions.count("wagtail.create") == 1 and actions.count("wagtail.publish") == 1
    # An editor's later edit publishes through Wagtail's own action on top of it.
    page.title = "Renamed"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.title == "Renamed" and page.live_revision_id == page.latest_revision_id
