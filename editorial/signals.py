from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from casestudies.models import CaseStudyIndexPage, ReadingListIndexPage

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
