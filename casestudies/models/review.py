"""The moderator's latest request for changes, at the top of the page editor."""

from wagtail.admin.panels import Panel
from wagtail.models import WorkflowState


def changes_requested(page):
    """The task state in which a moderator sent `page` back to its editor, or None."""
    if page is None or not page.pk:
        return None
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state__finished_by", "requested_by")
        .first()
    )
    return state.current_task_state if state is not None else None


class ReviewCommentPanel(Panel):
    """Shows who asked for changes and what they said, until the page is resubmitted."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "casestudies/admin/review_comment_panel.html"

        def is_shown(self):
            return changes_requested(self.instance) is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            task_state = changes_requested(self.instance)
            context["task_state"] = task_state
            moderator = task_state.finished_by
            context["moderator"] = (
                (moderator.get_full_name() or moderator.get_username()) if moderator else "A moderator"
            )
            return context
