from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Workflow, WorkflowPage

from casestudies.models import CaseStudyIndexPage

from .roles import assign_review_workflow


@receiver(post_save, sender=CaseStudyIndexPage)
def review_case_studies_under_a_new_index(sender, instance, created, raw=False, **kwargs):
    # The index page is made by the demo loader or an editor after migrations have run, so the
    # workflow migration cannot always attach the workflow itself.
    if created and not raw:
        assign_review_workflow(instance, Workflow, WorkflowPage)
