from django.contrib import messages
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage
from wagtail.signals import task_rejected

from casestudies.models import CaseStudyIndexPage, ReadingListIndexPage

from .middleware import current_admin_write
from .roles import assign_review_workflow, grant_reading_lists


@receiver(post_save, sender=CaseStudyIndexPage)
def review_case_studies_under_a_new_index(sender, instance, created, raw=False, **kwargs):
    # The index page is made by the demo loader or an editor after migrations have run, so the
    # workflow migration cannot always attach the workflow itself.
    if created and not raw:
        assign_review_workflow(instance, Workflow, WorkflowPage)


@receiver(post_save, sender=ReadingListIndexPage)
def review_reading_lists_under_a_new_index(sender, instance, created, raw=False, **kwargs):
    # Reading lists go through the same review as case studies; Course designers write them.
    if created and not raw:
        assign_review_workflow(instance, Workflow, WorkflowPage)
        grant_reading_lists(instance, Group, Permission, GroupPagePermission)


@receiver(task_rejected)
def confirm_changes_requested(sender, instance, user=None, **kwargs):
    """Tell the moderator who asked for changes that the editor has been told (Wagtail emails the
    person who submitted the page, and shows them the comment on the edit page)."""
    request = current_admin_write.get()
    if request is None:
        return
    requester = instance.workflow_state.requested_by
    name = (requester.get_full_name() or requester.get_username()) if requester else "the editor"
    messages.success(request, f"Changes requested from {name}; they have been notified.")
