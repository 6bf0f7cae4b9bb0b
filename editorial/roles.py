"""The editorial roles and the review workflow, by name (created by migration 0002)."""

EDITORS = "Editors"
MODERATORS = "Moderators"
ADMINISTRATORS = "Administrators"
REVIEW_WORKFLOW = "Evidence review"
REVIEW_TASK = "Moderator review"


def assign_review_workflow(page, Workflow, WorkflowPage):
    """Put `page` (the case-study index) under the Evidence review workflow, if it exists."""
    workflow = Workflow.objects.filter(name=REVIEW_WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page_id=page.pk, defaults={"workflow": workflow})
