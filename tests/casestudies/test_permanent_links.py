"""Permanent links (/cs/<id>/) and published versions (/cs/<id>/v/<n>/)."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from casestudies.models import CaseStudyPage, PublishedVersion
from home.models import StandardPage
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db


def publish_change(page, change_summary="", **fields):
    page = CaseStudyPage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.change_summary = change_summary
    page.save_revision().publish()
    return CaseStudyPage.objects.get(pk=page.pk)


def test_permanent_link_answers_301_to_the_current_address(client, case_study):
    response = client.get(f"/cs/{case_study.pk}/")
    assert response.status_code == 301
    assert response["Location"] == case_study.url


def test_permanent_link_survives_a_rename_and_a_move(client, index_page, case_study):
    page = CaseStudyPage.objects.get(pk=case_study.pk)
    page.slug = "renamed-partnership"
    page.save_revision().publish()
    assert client.get(f"/cs/{page.pk}/")["Location"] == "/case-studies/renamed-partnership/"
    index_page.slug = "evidence"
    index_page.save_revision().publish()
    response = client.get(f"/cs/{page.pk}/", follow=True)
    assert response.redirect_chain[0] == ("/evidence/renamed-partnership/", 301)
    assert response.status_code == 200 and page.title in response.content.decode()


@pytest.mark.parametrize(
    "address",
    [
        "/cs/999999/",
        "/cs/99999999999999999999999/",
        "/cs/1/v/99999999999999999999999/",
        "/cs/abc/",
        "/cs/1//evil.example/",
        "/cs//evil.example/",
        "/cs/%2F%2Fevil.example/",
    ],
)
def test_unknown_or_malformed_ids_give_the_site_404(client, home_page, address):
    response = client.get(address)
    assert response.status_code == 404
    assert "Browse and search all case studies" in response.content.decode()


def test_drafts_private_pages_and_other_page_types_have_no_permanent_link(client, home_page, index_page):
    draft = make_case_study(index_page, publish=False)
    private = make_case_study(index_page)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    standard = home_page.add_child(instance=StandardPage(title="About", slug="about"))
    for page in (draft, private, standard, index_page):
        assert client.get(f"/cs/{page.pk}/").status_code == 404
        assert client.get(f"/cs/{page.pk}/v/1/").status_code == 404


def test_the_redirect_ignores_the_host_and_query(client, case_study):
    response = client.get(f"/cs/{case_study.pk}/?next=https://evil.example/", HTTP_HOST="evil.example")
    assert response.status_code == 301
    assert "evil" not in response["Location"]


def test_ids_are_never_reused_after_a_delete(client, index_page):
    gone = make_case_study(index_page)
    gone_id = gone.pk
    gone.delete()
    newer = make_case_study(index_page)
    assert newer.pk > gone_id
    assert client.get(f"/cs/{gone_id}/").status_code == 404


def test_each_publication_is_a_numbered_version_with_the_editors_summary(client, case_study):
    publish_change(case_study, "Added the 2024 exam results", summary="A new summary of the pilot.")
    publish_change(case_study, "")
    versions = list(PublishedVersion.objects.filter(page=case_study).values_list("number", "summary"))
    assert versions == [(1, ""), (2, "Added the 2024 exam results"), (3, "")]
    html = client.get(case_study.url).content.decode()
    assert "Added the 2024 exam results" in html
    assert f'href="/cs/{case_study.pk}/v/2/"' in html
    assert "First published" in html and "Last updated" in html and "Last reviewed" in html


def test_a_draft_revision_gets_no_version(client, case_study):
    page = CaseStudyPage.objects.get(pk=case_study.pk)
    page.title = "Unpublished draft title"
    page.change_summary = "Not yet"
    page.save_revision()
    assert PublishedVersion.objects.filter(page=case_study).count() == 1
    assert client.get(f"/cs/{case_study.pk}/v/2/").status_code == 404
    assert "Unpublished draft title" not in client.get(f"/cs/{case_study.pk}/v/1/").content.decode()


def test_a_versioned_link_shows_the_old_text_with_a_banner(client, case_study):
    old_summary = case_study.summary
    publish_change(case_study, "Rewrote the summary", summary="An entirely new summary.")
    response = client.get(f"/cs/{case_study.pk}/v/1/")
    assert response.status_code == 200
    html = response.content.decode()
    assert old_summary in html and "An entirely new summary." not in html
    assert "You are reading version 1" in html and "Read the latest version" in html
    assert f'href="http://testserver/cs/{case_study.pk}/"' in html
    assert response["Link"].startswith(f'<http://testserver/cs/{case_study.pk}/v/1/>; rel="cite-as"')
    latest = client.get(case_study.url).content.decode()
    assert "An entirely new summary." in latest and "You are reading version" not in latest


def test_every_case_study_response_names_its_permanent_link(client, case_study):
    response = client.get(case_study.url)
    assert f'<http://testserver/cs/{case_study.pk}/>; rel="cite-as"' in response["Link"]


def test_absolute_links_come_from_the_configured_site_address(client, case_study, settings):
    settings.SITE_URL = "https://evidence.example.org"
    response = client.get(case_study.url)
    assert f'<https://evidence.example.org/cs/{case_study.pk}/>; rel="cite-as"' in response["Link"]
    assert f"https://evidence.example.org/cs/{case_study.pk}/" in response.content.decode()


def test_the_editor_starts_each_change_with_an_empty_summary(editor_client, case_study):
    publish_change(case_study, "Previous editor's summary")
    response = editor_client.get(f"/admin/pages/{case_study.pk}/edit/")
    assert response.status_code == 200
    form = response.context["form"]
    assert form["change_summary"].value() == ""


def test_an_unpublished_case_study_loses_its_versioned_links(client, case_study):
    CaseStudyPage.objects.get(pk=case_study.pk).unpublish()
    assert client.get(f"/cs/{case_study.pk}/v/1/").status_code == 404


def test_purging_revisions_keeps_every_published_version(client, case_study):
    publish_change(case_study, "Second")
    publish_change(case_study, "Third")
    call_command("purge_revisions", days=0, verbosity=0)
    for n in (1, 2, 3):
        assert client.get(f"/cs/{case_study.pk}/v/{n}/").status_code == 200
