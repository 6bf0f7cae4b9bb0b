"""A new case study's editor opened with features and levers ticked, from the add page's address
(`…/add/casestudies/casestudypage/<index>/?feature=<slug>&lever=<slug>`): the link the "What
readers look for" report gives for a thin cell."""

from contextvars import ContextVar

from django.dispatch import receiver
from wagtail import hooks
from wagtail.signals import init_new_page

from casestudies.models import CaseStudyFeatureEvidence, CaseStudyPage, PolicyLever, SuccessFeature

# The add view's request, between Wagtail's before_create_page hook (which sees the request) and
# its init_new_page signal (which sees the new page); set on every add, so never left over.
requested = ContextVar("case_study_prefill", default=None)


@hooks.register("before_create_page")
def remember_requested_terms(request, parent_page, page_class):
    requested.set(request.GET if request.method == "GET" and page_class is CaseStudyPage else None)


@receiver(init_new_page)
def tick_requested_terms(sender, page, parent, **kwargs):
    params = requested.get()
    if params is None or not isinstance(page, CaseStudyPage):
        return
    requested.set(None)
    features = SuccessFeature.objects.filter(slug__in=params.getlist("feature")[:5]).order_by("sort_order")
    page.feature_evidence = [CaseStudyFeatureEvidence(feature=feature) for feature in features]
    page.policy_levers = list(PolicyLever.objects.filter(slug__in=params.getlist("lever")[:10]))
