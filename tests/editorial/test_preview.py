"""Editors preview a case study as readers will see it, and as a search result."""

import pytest
from django.urls import reverse

from tests.casestudies.test_admin import case_study_form

pytestmark = pytest.mark.django_db


def preview(client, index_page, mode):
    url = reverse("wagtailadmin_pages:preview_on_add", args=("casestudies", "casestudypage", index_page.pk))
    form = case_study_form(title="Draft only partnership", summary="Seen only in preview.")
    assert client.post(url, form).json()["is_valid"]
    return client.get(url, {"mode": mode})


def test_search_result_preview_shows_the_card_readers_will_see(editor_in_group_client, index_page):
    response = preview(editor_in_group_client, index_page, "search-result")
    html = response.content.decode()
    assert response.status_code == 200
    assert "appears in search results" in html
    assert 'class="card__title"' in html
    assert "Draft only partnership" in html and "Seen only in preview." in html
    assert "London" in html and "Type 2" in html
    # The same card as the listing: partners and success-feature badges included.
    assert "Kingston University" in html and "Each partner does what it does best" in html
    assert html.count("<h1") == 1


def test_page_preview_renders_the_full_case_study(editor_in_group_client, index_page):
    response = preview(editor_in_group_client, index_page, "")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Draft only partnership</h1>" in html or "Draft only partnership</h1>" in html
    assert "appears in search results" not in html


def test_previewing_saves_nothing(editor_in_group_client, index_page, client):
    preview(editor_in_group_client, index_page, "search-result")
    from casestudies.models import CaseStudyPage

    assert not CaseStudyPage.objects.exists()
    assert "Draft only partnership" not in client.get("/case-studies/").content.decode()


def test_the_admin_may_frame_its_preview_and_no_other_site_may(editor_in_group_client, index_page, client, case_study):
    response = preview(editor_in_group_client, index_page, "")
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]  # the public policy otherwise
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # The live page itself stays unframeable.
    live = client.get(case_study.url)
    assert "frame-ancestors 'none'" in live["Content-Security-Policy"] and live["X-Frame-Options"] == "DENY"
    edit = editor_in_group_client.get(reverse("wagtailadmin_pages:edit", args=(case_study.pk,)))
    assert edit["X-Frame-Options"] == "DENY"
