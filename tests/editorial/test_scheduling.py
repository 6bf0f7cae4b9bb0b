"""Go-live and expiry dates work through Wagtail's scheduled-publishing command."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from casestudies.models import CaseStudyPage
from tests.casestudies.test_admin import add_case_study_url, case_study_form
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db


def publish_scheduled():
    call_command("publish_scheduled", stdout=io.StringIO())


def exported(client):
    return [r["external_id"] for r in client.get("/case-studies/download/json/").json()["case_studies"]]


def test_a_case_study_scheduled_by_a_moderator_goes_live_when_its_time_comes(
    moderator_client, index_page, client, monkeypatch
):
    go_live = timezone.localtime() + datetime.timedelta(days=1)
    form = case_study_form(external_id="scheduled", go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    response = moderator_client.post(add_case_study_url(index_page), {**form, "action-publish": "1"})
    assert response.status_code == 302
    page = CaseStudyPage.objects.get(external_id="scheduled")
    assert not page.live
    revision = page.get_latest_revision()
    assert revision.approved_go_live_at is not None
    publish_scheduled()
    page.refresh_from_db()
    assert not page.live, "nothing goes live before its go-live date"
    assert exported(client) == []

    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(days=2))
    publish_scheduled()
    monkeypatch.undo()
    page.refresh_from_db()
    assert page.live
    assert exported(client) == ["scheduled"]
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").exists()


def test_a_case_study_past_its_expiry_date_is_unpublished(index_page, client):
    page = make_case_study(index_page, external_id="expiring")
    CaseStudyPage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    publish_scheduled()
    page.refresh_from_db()
    assert not page.live and page.expired
    assert exported(client) == []
    assert client.get(page.url or "/case-studies/expiring/").status_code == 404


def test_an_expiry_date_in_the_future_leaves_the_case_study_live(index_page):
    page = make_case_study(index_page)
    CaseStudyPage.objects.filter(pk=page.pk).update(expire_at=timezone.now() + datetime.timedelta(days=30))
    publish_scheduled()
    page.refresh_from_db()
    assert page.live and not page.expired
