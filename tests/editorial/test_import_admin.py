"""An editor imports a file from the admin: upload, dry-run report, confirm, the task finishes."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from casestudies.models import CaseStudyPage
from editorial.forms import ImportUploadForm
from editorial.models import ImportJob
from tests.factories import case_study_record, make_case_study

pytestmark = pytest.mark.django_db


def upload(records, name="cases.json", **document):
    body = json.dumps({"schema_version": 1, "case_studies": records, **document}).encode()
    return SimpleUploadedFile(name, body, content_type="application/json")


def check(client, file):
    return client.post(reverse("editorial:import"), {"file": file})


def test_upload_page_has_a_labelled_file_field(editor_in_group_client, index_page):
    html = editor_in_group_client.get(reverse("editorial:import")).content.decode()
    assert 'type="file"' in html and "Case-study file (JSON)" in html


def test_upload_shows_a_dry_run_report_and_writes_nothing(editor_in_group_client, index_page):
    existing = make_case_study(index_page, external_id="already-here")
    records = [
        case_study_record(external_id="brand-new", title="A brand-new partnership"),
        case_study_record(external_id="already-here", title="A changed title"),
        case_study_record(external_id="broken", evidence_type=7),
    ]
    response = check(editor_in_group_client, upload(records))
    assert response.status_code == 302
    page = editor_in_group_client.get(response["Location"]).content.decode()
    page = " ".join(page.split())
    assert "1 case study would be created, 1 case study would be updated and 1 record cannot be imported" in page
    assert "evidence_type" in page and "Must be the number 1, 2 or 3" in page
    assert "Import and submit for review" in page
    assert not CaseStudyPage.objects.filter(external_id="brand-new").exists()
    existing.refresh_from_db()
    assert existing.title != "A changed title"


def test_confirming_runs_the_task_and_submits_drafts_for_review(editor_in_group_client, editor, index_page):
    records = [case_study_record(external_id=f"imported-{n}", publish=True) for n in range(3)]
    job_url = check(editor_in_group_client, upload(records))["Location"]
    response = editor_in_group_client.post(job_url, {"confirm": ""})
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.DONE and job.processed == 3
    assert job.report_counts == {"created": 3, "updated": 0, "unchanged": 0, "failed": 0}
    pages = CaseStudyPage.objects.filter(external_id__startswith="imported-")
    assert pages.count() == 3
    for page in pages:
        assert not page.live, "an editor's import never publishes, even with publish: true"
        state = WorkflowState.objects.get(object_id=str(page.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == editor
        assert PageLogEntry.objects.filter(page=page, action="casestudies.import", user=editor).exists()
        assert PageLogEntry.objects.filter(page=page, action="wagtail.create", user=editor).exists()
    finished = editor_in_group_client.get(job_url).content.decode()
    assert "Import finished" in finished and "Of 3 records, 3 case studies were created." in " ".join(finished.split())


def test_an_editor_import_of_a_published_case_study_leaves_the_live_page_alone(editor_in_group_client, index_page):
    live = make_case_study(index_page, external_id="live-one", title="Live title")
    job_url = check(editor_in_group_client, upload([case_study_record(external_id="live-one", title="Draft title")]))[
        "Location"
    ]
    editor_in_group_client.post(job_url, {"confirm": ""})
    live.refresh_from_db()
    assert live.live and live.title == "Live title" and live.has_unpublished_changes
    assert live.get_latest_revision_as_object().title == "Draft title"
    assert WorkflowState.objects.filter(object_id=str(live.pk), status="in_progress").exists()


def test_confirming_twice_imports_once(editor_in_group_client, index_page):
    job_url = check(editor_in_group_client, upload([case_study_record(external_id="once")]))["Location"]
    editor_in_group_client.post(job_url, {"confirm": ""})
    editor_in_group_client.post(job_url, {"confirm": ""})
    assert CaseStudyPage.objects.filter(external_id="once").count() == 1
    assert PageLogEntry.objects.filter(action="casestudies.import").count() == 1


def test_cancel_discards_the_upload(editor_in_group_client, index_page):
    job_url = check(editor_in_group_client, upload([case_study_record(external_id="cancelled")]))["Location"]
    response = editor_in_group_client.post(job_url, {"cancel": ""})
    assert response.status_code == 302
    assert not ImportJob.objects.exists() and not CaseStudyPage.objects.filter(external_id="cancelled").exists()


def test_progress_page_shows_progress_and_refreshes_while_running(editor_in_group_client, editor, index_page):
    job = ImportJob.objects.create(
        user=editor, filename="big.json", content="{}", total=200, processed=50, status=ImportJob.Status.RUNNING
    )
    html = editor_in_group_client.get(reverse("editorial:import_job", args=(job.pk,))).content.decode()
    assert '<progress id="import-progress" max="200" value="50">' in html
    assert "50 of 200 records imported (25%)" in html
    assert 'http-equiv="refresh"' in html


def test_another_editors_import_is_not_visible(editor_in_group_client, django_user_model, index_page):
    other = django_user_model.objects.create_user("other")
    job = ImportJob.objects.create(user=other, filename="theirs.json", content="{}")
    response = editor_in_group_client.get(reverse("editorial:import_job", args=(job.pk,)))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert (
        editor_in_group_client.post(reverse("editorial:import_job", args=(job.pk,)), {"confirm": ""}).status_code == 302
    )
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CHECKED


def test_users_without_the_import_permission_are_refused(client, django_user_model, index_page):
    user = django_user_model.objects.create_user("reader")
    client.force_login(user)
    assert client.get(reverse("editorial:import")).status_code == 302
    response = client.post(reverse("editorial:import"), {"file": upload([case_study_record()])})
    assert response.status_code == 302
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize(
    "content, message",
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00bad", "not UTF-8"),
        (b"[1, 2]", "must be one JSON object"),
        (json.dumps({"schema_version": 2, "case_studies": []}).encode(), "schema_version 2"),
        (json.dumps({"case_studies": []}).encode(), "no schema_version"),
        (json.dumps({"schema_version": 1, "case_studies": []}).encode(), "holds no case studies"),
    ],
)
def test_unreadable_files_get_a_clear_message_and_nothing_is_kept(editor_in_group_client, index_page, content, message):
    response = check(editor_in_group_client, SimpleUploadedFile("bad.json", content))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()


class UnreadableUpload(SimpleUploadedFile):
    def read(self, *args):
        pytest.fail("the file was read")


def test_a_50_mb_upload_is_refused_before_it_is_read(index_page):
    file = UnreadableUpload("huge.json", b"{}")
    file.size = 50 * 1024 * 1024
    form = ImportUploadForm(files={"file": file}, data={})
    assert not form.is_valid()
    assert "The file is 50.0 MB; the largest file the importer accepts is 20.0 MB" in form.errors["file"][0]


def test_an_oversized_upload_gets_the_message_on_the_upload_page(editor_in_group_client, index_page, monkeypatch):
    monkeypatch.setattr("casestudies.interchange.reading.MAX_FILE_BYTES", 1024)
    response = check(editor_in_group_client, upload([case_study_record(body="x" * 2000)]))
    assert response.status_code == 200
    assert "the largest file the importer accepts is" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_naughty_strings_in_an_uploaded_file_get_a_report_not_an_error(editor_in_group_client, index_page):
    from tests.naughty import naughty_strings

    strings = naughty_strings()[::10] + ["nul\x00inside"]
    records = [case_study_record(external_id=s, title=s, region=s) for s in strings]
    response = check(editor_in_group_client, upload(records))
    assert response.status_code == 302
    page = editor_in_group_client.get(response["Location"])
    assert page.status_code == 200
    assert f"{len(strings)} records cannot be imported" in page.content.decode()


def test_results_number_records_from_1_link_each_draft_and_count_in_sentences(editor_in_group_client, index_page):
    records = [case_study_record(external_id="first-new", title="The first new one")]
    job_url = check(editor_in_group_client, upload(records))["Location"]
    checked = " ".join(editor_in_group_client.get(job_url).content.decode().split())
    assert "Of 1 record, 1 case study would be created." in checked
    assert "1 case study will be saved as a draft and submitted for review" in checked
    assert '<th scope="row">1</th>' in checked and '<th scope="row">0</th>' not in checked
    editor_in_group_client.post(job_url, {"confirm": ""})
    done = " ".join(editor_in_group_client.get(job_url).content.decode().split())
    page = CaseStudyPage.objects.get(external_id="first-new")
    assert "Of 1 record, 1 case study was created." in done
    assert f'<a href="{reverse("wagtailadmin_pages:edit", args=(page.pk,))}">The first new one</a>' in done


def test_counts_read_as_sentences_with_plurals():
    from editorial.wording import counts_sentence, drafts_sentence

    assert (
        drafts_sentence(2) == "2 case studies will be saved as drafts and submitted for review; nothing is published."
    )
    assert (
        counts_sentence({"created": 2, "updated": 1, "unchanged": 0, "failed": 3}, checked=True)
        == "Of 6 records, 2 case studies would be created, 1 case study would be updated and 3 records cannot be imported."
    )


def test_the_file_format_is_explained_in_the_admin_not_in_the_repository(editor_in_group_client, index_page):
    upload_page = editor_in_group_client.get(reverse("editorial:import")).content.decode()
    assert "README" not in upload_page and "docs/" not in upload_page
    assert reverse("editorial:import_format") in upload_page
    help_page = editor_in_group_client.get(reverse("editorial:import_format")).content.decode()
    assert "The smallest valid file" in help_page and "<code>play-to-strengths</code>" in help_page
