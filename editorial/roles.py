"""The editorial roles and the review workflow, by name (created by migration 0002)."""

EDITORS = "Editors"
MODERATORS = "Moderators"
ADMINISTRATORS = "Administrators"
COURSE_DESIGNERS = "Course designers"
REVIEW_WORKFLOW = "Evidence review"
REVIEW_TASK = "Moderator review"


def assign_review_workflow(page, Workflow, WorkflowPage):
    """Put `page` (the case-study index) under the Evidence review workflow, if it exists."""
    workflow = Workflow.objects.filter(name=REVIEW_WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page_id=page.pk, defaults={"workflow": workflow})


def grant_reading_lists(index_page, Group, Permission, GroupPagePermission):
    """Course designers may add and edit pages under the reading-list index, and nothing else."""
    group = Group.objects.filter(name=COURSE_DESIGNERS).first()
    if group is None:
        return
    for codename in ("add_page", "change_page"):
        perm = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page_id=index_page.pk, permission=perm)
