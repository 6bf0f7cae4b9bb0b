"""Every case study the importer accepts can be edited and submitted in the page editor."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset

from casestudies.models import CaseStudyPage
from tests.casestudies.test_admin import add_case_study_url, case_study_form
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db

NO_PARTNERS = {"partners": inline_formset([])}


def test_a_case_study_whose_sources_name_no_partner_opens_with_no_blank_partner_row(editor_in_group_client, index_page):
    page = make_case_study(index_page, partners=[])
    html = editor_in_group_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert 'name="partners-TOTAL_FORMS" value="0"' in html
    assert 'name="partners-MIN_NUM_FORMS" value="0"' in html


@pytest.mark.parametrize("action", ["action-save", "action-submit"])
def test_an_editor_saves_and_submits_a_case_study_with_no_partner(editor_in_group_client, index_page, action):
    response = editor_in_group_client.post(
        add_case_study_url(index_page), case_study_form(**NO_PARTNERS, **{action: "1"})
    )
    assert response.status_code == 302
    page = CaseStudyPage.objects.get(slug="local-route-into-teaching")
    assert page.get_latest_revision_as_object().partners.count() == 0
    if action == "action-submit":
        assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_IN_PROGRESS


def test_a_title_change_to_an_imported_page_with_no_partner_saves(editor_in_group_client, index_page):
    page = make_case_study(index_page, partners=[])
    form = case_study_form(**NO_PARTNERS, title="A new title", slug=page.slug)
    response = editor_in_group_client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), form)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "A new title"
