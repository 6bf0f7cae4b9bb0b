"""An import killed half way (SIGKILL mid-file), from the command and from the admin's task
worker: every record is whole or absent, the job says it was interrupted, and the same file run
again finishes the rest with nothing duplicated."""

import io
import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Revision, WorkflowState
from wagtail.search.models import IndexEntry

from casestudies.interchange.importer import COMMIT_EVERY
from casestudies.models import CaseStudyPage, PublishedVersion
from editorial.models import ImportJob
from editorial.roles import EDITORS
from home.demo import build_page_tree
from tests.factories import case_study_record

RECORDS = 50
# Killed while writing the record at this position (0-based): inside the second transaction.
KILLED_AT = COMMIT_EVERY + 10
COMMITTED = COMMIT_EVERY  # the first transaction's records


def records():
    return [
        case_study_record(external_id=f"killed-{n:03}", title=f"Interrupted partnership number{n:03}")
        for n in range(RECORDS)
    ]


def document(path):
    path.write_text(json.dumps({"schema_version": 1, "case_studies": records()}))
    return path


@pytest.fixture
def editor(shared_database, django_user_model):
    build_page_tree()
    user = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def imported_pages():
    return CaseStudyPage.objects.filter(external_id__startswith="killed-")


def assert_whole(page, live):
    assert page.live is live
    assert Revision.objects.filter(object_id=str(page.pk), content_type__model="casestudypage").count() == 1
    assert [p.organisation.name for p in page.partners.all()] == ["Test University", "Test Academy"]
    assert page.feature_evidence.get().feature.slug == "play-to-strengths"
    assert IndexEntry.objects.filter(object_id=str(page.pk)).exists(), f"{page.external_id} has no search entry"
    if live:
        assert PublishedVersion.objects.filter(page=page).count() == 1
    else:
        assert WorkflowState.objects.filter(object_id=str(page.pk), status="in_progress").count() == 1


def assert_whole_or_absent(expected_count, live):
    pages = list(imported_pages().order_by("external_id"))
    assert [p.external_id for p in pages] == [f"killed-{n:03}" for n in range(expected_count)]
    for page in pages:
        assert_whole(page, live)
    assert len({p.slug for p in pages}) == len(pages) and not any(p.slug.endswith("-2") for p in pages)


def test_a_killed_command_import_leaves_whole_records_and_the_rerun_finishes(
    shared_database, start_process, editor, tmp_path
):
    path = document(tmp_path / "cases.json")
    importer = start_process(
        "--pause-on-save", "casestudies.CaseStudyPage", "--created", "--nth", str(KILLED_AT + 1),
        "manage", "import_casestudies", str(path), "--publish", "--user", "ed",
    )  # fmt: skip
    importer.wait_for_line("PAUSED")  # record KILLED_AT's page row is saved, its revision not yet
    importer.kill()
    shared_database.pull()

    assert_whole_or_absent(COMMITTED, live=True)
    # A search finds a committed record: its search entry was committed with it.
    assert [p.external_id for p in CaseStudyPage.objects.live().search("number005")] == ["killed-005"]
    # The admin's job list (the command ran as "ed") says the import was interrupted.
    client = Client()
    client.force_login(editor)
    listing = client.get(reverse("editorial:import")).content.decode()
    assert "Interrupted" in listing and "Importing" not in listing
    job = ImportJob.objects.get(origin="command")
    assert job.status == "interrupted" and job.processed == COMMITTED

    # The same file again: the command names the interrupted run, then finishes the rest.
    out, err = io.StringIO(), io.StringIO()
    call_command("import_casestudies", str(path), "--publish", "--user", "ed", stdout=out, stderr=err)
    assert f"was interrupted after {COMMITTED} of {RECORDS} records" in err.getvalue()
    summary = " ".join(out.getvalue().split())
    assert f"created {RECORDS - COMMITTED} updated 0 unchanged {COMMITTED} failed 0" in summary
    assert_whole_or_absent(RECORDS, live=True)
    assert ImportJob.objects.filter(origin="command").latest("created_at").status == "done"


def test_a_killed_task_worker_leaves_whole_records_and_the_editor_imports_the_rest(
    shared_database, start_process, editor, settings, tmp_path
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    client = Client()
    client.force_login(editor)
    with open(document(tmp_path / "cases.json"), "rb") as f:
        job_url = client.post(reverse("editorial:import"), {"file": f})["Location"]
    client.post(job_url, {"confirm": ""})
    assert ImportJob.objects.get().status == "queued"  # waiting for the worker

    worker = start_process(
        "--database-tasks", "--pause-on-save", "casestudies.CaseStudyPage", "--created", "--nth", str(KILLED_AT + 1),
        "manage", "db_worker", "--batch", "--no-startup-delay", "--interval", "0", "--no-reload",
    )  # fmt: skip
    worker.wait_for_line("PAUSED")
    worker.kill()
    shared_database.pull()

    assert_whole_or_absent(COMMITTED, live=False)
    assert ImportJob.objects.get().status == "running"  # the dead worker could not say otherwise
    listing = client.get(reverse("editorial:import")).content.decode()
    assert "Interrupted" in listing
    page = client.get(job_url).content.decode()
    assert "Import interrupted" in page and f"after {COMMITTED} of {RECORDS} records" in page
    assert "Import the rest of the file" in page

    # The editor imports the rest (run in this process this time).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    client.post(job_url, {"resume": ""})
    job = ImportJob.objects.get()
    assert job.status == "done" and job.processed == RECORDS
    assert job.report_counts == {"created": RECORDS, "updated": 0, "unchanged": 0, "failed": 0}
    assert_whole_or_absent(RECORDS, live=False)
