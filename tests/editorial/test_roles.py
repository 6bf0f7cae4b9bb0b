"""Editors submit, moderators publish: every route to publishing is closed to editors."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupApprovalTask, PageLogEntry, WorkflowState

from casestudies.models import CaseStudyPage
from editorial.roles import ADMINISTRATORS, EDITORS, MODERATORS, REVIEW_WORKFLOW
from tests.casestudies.test_admin import add_case_study_url, case_study_form
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db


def page_codenames(group_name):
    group = Group.objects.get(name=group_name)
    return set(group.page_permissions.values_list("permission__codename", flat=True))


def test_migration_creates_the_three_editorial_groups_with_their_page_permissions(db):
    assert page_codenames(EDITORS) == {"add_page", "change_page"}
    assert {"add_page", "change_page", "publish_page"} <= page_codenames(MODERATORS)
    assert {"publish_page", "bulk_delete_page"} <= page_codenames(ADMINISTRATORS)


def test_every_group_can_reach_the_admin_and_the_import(db):
    for name in (EDITORS, MODERATORS, ADMINISTRATORS):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"access_admin", "add_importjob", "view_coverage"} <= codenames, name


def test_case_study_index_is_under_the_evidence_review_workflow_for_moderators(index_page):
    workflow = index_page.get_workflow()
    assert workflow.name == REVIEW_WORKFLOW
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)
    assert set(task.groups.values_list("name", flat=True)) == {MODERATORS, ADMINISTRATORS}
    assert make_case_study(index_page).get_workflow() == workflow


def test_editor_publish_button_saves_a_draft_and_never_publishes(editor_in_group_client, index_page):
    response = editor_in_group_client.post(
        add_case_study_url(index_page), {**case_study_form(), "action-publish": "publish"}
    )
    assert response.status_code in (200, 302, 403)
    page = CaseStudyPage.objects.filter(title="A local route into teaching").first()
    assert page is None or not page.live


def test_editor_submits_a_new_case_study_for_review(editor_in_group_client, editor, index_page):
    response = editor_in_group_client.post(
        add_case_study_url(index_page), {**case_study_form(), "action-submit": "submit"}
    )
    assert response.status_code == 302
    page = CaseStudyPage.objects.get(title="A local route into teaching")
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == REVIEW_WORKFLOW and state.requested_by == editor
    assert PageLogEntry.objects.filter(page=page, action="wagtail.create", user=editor).exists()


def test_editor_cannot_publish_through_bulk_actions(editor_in_group_client, index_page):
    page = make_case_study(index_page, publish=False)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={page.pk}"
    response = editor_in_group_client.post(url, {"include_descendants": False})
    assert response.status_code in (200, 302, 403)
    page.refresh_from_db()
    assert not page.live


def test_editor_cannot_unpublish(editor_in_group_client, index_page):
    page = make_case_study(index_page)
    response = editor_in_group_client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.live


def test_editor_cannot_approve_a_submission(editor_in_group_client, editor, index_page):
    page = make_case_study(index_page, publish=False)
    index_page.get_workflow().start(page, editor)
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    editor_in_group_client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert not page.live
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS


def submitted(index_page, editor):
    page = make_case_study(index_page, publish=False)
    index_page.get_workflow().start(page, editor)
    return page, WorkflowState.objects.get(object_id=str(page.pk)).current_task_state


def test_moderator_approves_a_submission_and_it_is_published(moderator_client, moderator, editor, index_page):
    page, task_state = submitted(index_page, editor)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    response = moderator_client.post(url, {"comment": "Sources check out."})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish", user=moderator).exists()


def test_moderator_rejects_a_submission_with_a_comment(moderator_client, moderator, editor, index_page):
    page, task_state = submitted(index_page, editor)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))
    moderator_client.post(url, {"comment": "Name the evaluation report."})
    page.refresh_from_db()
    task_state.refresh_from_db()
    assert not page.live
    assert task_state.status == task_state.STATUS_REJECTED
    assert task_state.comment == "Name the evaluation report."
    assert WorkflowState.objects.get(pk=task_state.workflow_state_id).status == WorkflowState.STATUS_NEEDS_CHANGES


def test_moderator_publishes_and_unpublishes_directly(moderator_client, moderator, index_page):
    page = make_case_study(index_page, publish=False)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={page.pk}"
    moderator_client.post(url, {"include_descendants": False})
    page.refresh_from_db()
    assert page.live
    moderator_client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)), {"include_descendants": False})
    page.refresh_from_db()
    assert not page.live
    assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish", user=moderator).exists()


ADMIN_URLS = [
    "wagtailadmin_home",
    "wagtailadmin_reports:aging_pages",
    "editorial:import",
    "editorial:coverage",
]


@pytest.mark.parametrize("url_name", ADMIN_URLS)
def test_anonymous_visitors_reach_no_admin_view(client, index_page, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_anonymous_visitors_cannot_edit_or_publish_a_page(client, index_page):
    page = make_case_study(index_page, publish=False)
    for url in (
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        reverse("wagtailadmin_pages:unpublish", args=(page.pk,)),
    ):
        assert client.post(url).status_code == 302
    page.refresh_from_db()
    assert not page.live
