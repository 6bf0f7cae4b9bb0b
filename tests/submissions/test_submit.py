"""/submit/: a partnership's case study becomes a draft under review, never a live page; its
contact details stay in their own row; editors and the submitter are told by email."""

import datetime
import re
from html import unescape

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import WorkflowState

from casestudies.models import CaseStudyPage
from submissions.models import SubmitterContact

from .conftest import CONTACT_DETAILS

pytestmark = pytest.mark.django_db


def post(data, client=None, **extra):
    return (client or Client()).post("/submit/", data, **extra)


def test_the_form_asks_each_question_with_a_label_and_a_hint(index_page):
    response = Client().get("/submit/")
    html = response.content.decode()
    assert response.status_code == 200
    for label in ("What is the partnership called?", "Which organisations are the partners?", "Your email address"):
        assert label in html
    assert 'aria-describedby="id_title_helptext"' in html
    assert 'href="/submit/privacy/"' in html


def test_a_submission_becomes_a_draft_in_review_with_contact_details_apart(index_page, valid, editor, moderator):
    response = post(valid)
    assert response.status_code == 302 and response["Location"] == "/submit/sent/"
    page = CaseStudyPage.objects.get(title=valid["title"])
    assert not page.live
    assert not CaseStudyPage.objects.published().filter(pk=page.pk).exists()
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    contact = SubmitterContact.objects.get(page=page)
    assert (contact.name, contact.email, contact.role) == (valid["name"], valid["email"], "Head of maths")
    revision = page.latest_revision.content
    for detail in CONTACT_DETAILS:
        assert detail not in str(revision)
    assert {f.feature.slug for f in page.feature_evidence.all()} == {"play-to-strengths", "shared-governance"}
    assert "61%" in str(revision) and "https://example.org/evaluation.pdf" in str(revision)


def test_editors_get_an_email_and_the_submitter_a_confirmation(index_page, valid, editor, moderator):
    editor.email, moderator.email = "ed@bank.example", "mo@bank.example"
    editor.save()
    moderator.save()
    mail.outbox.clear()
    post(valid)
    to_editors = [m for m in mail.outbox if "ed@bank.example" in m.to]
    assert to_editors and "mo@bank.example" in to_editors[0].to
    assert "Riverside maths partnership" in to_editors[0].subject
    assert "/admin/pages/" in to_editors[0].body
    confirmation = next(m for m in mail.outbox if m.to == [valid["email"]])
    assert "What happens next" in confirmation.body and "Nothing is published until" in confirmation.body
    assert "/submit/privacy/" in confirmation.body
    page = CaseStudyPage.objects.get(title=valid["title"])
    assert not page.live


def test_errors_are_summarised_and_linked_and_what_was_typed_is_kept(index_page, valid):
    data = {**valid, "title": "", "features": [], "email": "not an email", "links": "javascript:alert(1)"}
    response = post(data)
    html = response.content.decode()
    assert response.status_code == 400
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    targets = re.findall(r'href="#([^"]+)"', summary)
    assert targets == ["id_title", "id_features_0", "id_links", "id_email"]
    for target in targets:
        assert f'id="{target}"' in html
    assert "Error: Submit a case study" in html
    assert "Maths GCSE passes rose from 52% to 61%" in unescape(html)
    assert 'value="not an email"' in html
    assert 'aria-invalid="true"' in html
    assert not CaseStudyPage.objects.exists() and not SubmitterContact.objects.exists()


def test_html_is_stripped_and_unsafe_links_refused(index_page, valid):
    post(
        {
            **valid,
            "title": "<b>Bold</b> <script>alert(1)</script>partnership",
            "activity": "<img src=x onerror=alert(1)>We teach.",
        }
    )
    page = CaseStudyPage.objects.get()
    assert page.title == "Bold alert(1)partnership"
    assert "<img" not in str(page.latest_revision.content) and "onerror" not in page.summary
    response = post({**valid, "activity": "See <a href='javascript:alert(1)'>here</a> or data:text/html,x"})
    assert response.status_code == 400 and "Links must start with http:// or https://" in response.content.decode()
    response = post({**valid, "links": "ftp://example.org/report.pdf"})
    assert response.status_code == 400 and "must start with https:// or http://" in response.content.decode()


@pytest.mark.parametrize(
    "field,length", [("title", 121), ("activity", 5001), ("name", 101), ("organisation", 201), ("impact", 3001)]
)
def test_every_field_has_a_length_limit(index_page, valid, field, length):
    response = post({**valid, field: "a" * length})
    assert response.status_code == 400
    assert not CaseStudyPage.objects.exists()


def test_the_honeypot_saves_nothing_and_tells_the_robot_nothing(index_page, valid):
    mail.outbox.clear()
    response = post({**valid, "website": "http://spam.example"})
    assert response.status_code == 302 and response["Location"] == "/submit/sent/"
    assert not CaseStudyPage.objects.exists() and not SubmitterContact.objects.exists() and not mail.outbox


def test_one_address_may_send_only_a_few_an_hour(index_page, valid, settings):
    settings.RATE_LIMITS_ENABLED = True
    from django.core.cache import cache

    cache.clear()
    client = Client(REMOTE_ADDR="198.51.100.7")
    statuses = [post({**valid, "email": "bad"}, client).status_code for _ in range(6)]
    assert statuses == [400] * 5 + [429]
    assert Client(REMOTE_ADDR="198.51.100.8").post("/submit/", {**valid, "email": "bad"}).status_code == 400
    assert client.get("/submit/").status_code == 200


def test_contact_details_are_deleted_a_set_time_after_publication(index_page, valid, settings):
    post(valid)
    page = CaseStudyPage.objects.get()
    page.get_latest_revision().publish()
    contact = SubmitterContact.objects.get()
    assert contact.decided_at is not None
    call_command("prune_submitter_contacts")
    assert SubmitterContact.objects.exists()
    SubmitterContact.objects.update(decided_at=timezone.now() - datetime.timedelta(days=91))
    call_command("prune_submitter_contacts")
    assert not SubmitterContact.objects.exists()
    assert CaseStudyPage.objects.filter(pk=page.pk, live=True).exists()


def test_the_count_to_deletion_starts_when_a_moderator_rejects_it(index_page, valid, moderator):
    post(valid)
    page = CaseStudyPage.objects.get()
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject")
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES
    assert SubmitterContact.objects.get().decided_at is not None
    assert not CaseStudyPage.objects.get().live


def test_contact_details_are_for_editors_and_moderators_only(
    index_page, valid, editor_in_group_client, moderator_client, client, django_user_model
):
    post(valid)
    for allowed in (editor_in_group_client, moderator_client):
        html = allowed.get("/admin/snippets/submissions/submittercontact/").content.decode()
        assert "priya.contact@riverside.example" in html
    from django.contrib.auth.models import Permission

    outsider = django_user_model.objects.create_user("outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    response = client.get("/admin/snippets/submissions/submittercontact/")
    assert response.status_code in (302, 403)
    assert "priya.contact" not in response.content.decode()


def test_moderators_get_wagtails_own_review_notification_and_see_it_awaiting_review(
    index_page, valid, moderator, moderator_client
):
    moderator.email = "mo@bank.example"
    moderator.save()
    mail.outbox.clear()
    post(valid)
    subjects = [m.subject for m in mail.outbox if "mo@bank.example" in m.to]
    assert any("has been submitted for approval" in subject for subject in subjects), subjects
    home = moderator_client.get("/admin/").content.decode()
    assert "Awaiting your review" in home and valid["title"] in home


def test_the_contribute_page_links_to_the_form_and_keeps_its_guidance(home_page):
    from home.demo import load_standard_pages

    load_standard_pages(home_page)
    html = Client().get("/contribute/").content.decode()
    assert 'href="/submit/"' in html
    assert "What to prepare" in html
