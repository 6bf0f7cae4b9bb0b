"""After "Request changes" the editor sees the moderator's comment at the top of the edit page,
the moderator is told the editor has been notified, and the page no longer counts as awaiting
review until it is resubmitted."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import WorkflowState

from editorial.coverage import coverage
from tests.editorial.test_roles import submitted

pytestmark = pytest.mark.django_db

COMMENT = "Name the evaluation report & its year."


def request_changes(moderator_client, page, task_state):
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))
    return moderator_client.post(url, {"comment": COMMENT}, follow=True)


def test_the_moderator_is_told_whom_changes_were_requested_from(moderator_client, editor, index_page):
    editor.first_name, editor.last_name = "Ada", "Editor"
    editor.save()
    page, task_state = submitted(index_page, editor)
    response = request_changes(moderator_client, page, task_state)
    assert (
        "Changes requested from Ada Editor; they have been notified."
        in [str(m) for m in get_messages(response.wsgi_request)]
        or "Changes requested from Ada Editor; they have been notified." in response.content.decode()
    )


def test_the_editor_sees_the_latest_comment_and_who_wrote_it_on_the_edit_page(
    moderator_client, editor_in_group_client, moderator, editor, index_page
):
    page, task_state = submitted(index_page, editor)
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert "requested changes" not in editor_in_group_client.get(edit).content.decode()
    request_changes(moderator_client, page, task_state)
    html = editor_in_group_client.get(edit).content.decode()
    assert f"<strong>{moderator.get_username()} requested changes</strong>" in html
    assert "Name the evaluation report &amp; its year." in html
    # Resubmitted, the comment has been answered: it goes.
    WorkflowState.objects.get(object_id=str(page.pk)).resume(editor)
    assert "requested changes</strong>" not in editor_in_group_client.get(edit).content.decode()


def test_a_page_waiting_on_its_editor_is_not_awaiting_review(moderator_client, editor, index_page):
    page, task_state = submitted(index_page, editor)
    assert [s.page.pk for s in coverage().awaiting_review] == [page.pk]
    request_changes(moderator_client, page, task_state)
    assert coverage().awaiting_review == []
