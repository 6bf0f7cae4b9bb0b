"""A publish killed half way: a moderator presses Publish in the page editor, and the process is
killed while Wagtail is saving the page's rows. Afterwards the page is the old version, whole;
the findable-content token, the facet index and the response cache agree with the database;
and the moderator's retry publishes the new version."""

import json

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.models import CaseStudyPage, FindableVersion, PublishedVersion, Region
from editorial.roles import MODERATORS
from home.demo import build_page_tree
from tests.factories import make_case_study


def edit_form(page, **changes):
    partners = [
        {"id": p.pk, "organisation": p.organisation_id, "role": changes.get("role", p.role), "is_lead": p.is_lead}
        for p in page.partners.all()
    ]
    features = [{"id": f.pk, "feature": f.feature_id, "evidence": f.evidence} for f in page.feature_evidence.all()]
    data = {
        "title": changes.get("title", page.title),
        "slug": page.slug,
        "summary": page.summary,
        "licence": page.licence,
        "story": streamfield([("paragraph", rich_text("<p>The school selected pupils.</p>"))]),
        "change_summary": "",
        "partners": inline_formset(partners, initial=len(partners), min=1),
        "feature_evidence": inline_formset(features, initial=len(features), min=1, max=5),
        "impact_measures": inline_formset([]),
        "sources": inline_formset([]),
        "related_documents": inline_formset([]),
        "policy_levers": [],
        "purposes": [],
        "phases": [],
        "barriers": [],
        "region": Region.objects.get(slug=changes.get("region", page.region.slug)).pk,
        "local_authority": "",
        "start_year": "",
        "end_year": "",
        "status": "",
        "reported_year": "",
        "formality": "",
        "funding_model": "",
        "evidence_type": str(page.evidence_type),
        "evidence_note": "",
        "barriers_note": "",
        "advice": "",
        "funding_note": "",
        "last_reviewed": "",
        "external_id": page.external_id,
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    return {**nested_form_data(data), "action-publish": "action-publish"}


def reader_sees(path):
    # A reader: no session cookie, so the response cache serves and stores (tests/serving/).
    return Client().get(path).content.decode()


@pytest.fixture
def index_page(shared_database):
    return build_page_tree()[1]


@pytest.fixture
def moderator(shared_database, django_user_model):
    user = django_user_model.objects.create_user("mo", "mo@example.org", "pw")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def test_a_publish_killed_half_way_leaves_the_old_version_whole_and_the_retry_publishes(
    shared_database, start_process, index_page, moderator, settings, tmp_path
):
    settings.RESPONSE_CACHE_ENABLED = True
    page = make_case_study(index_page, external_id="kept-whole", title="The old title", region="london")
    old_revision, token = page.live_revision_id, FindableVersion.current()
    listing = page.get_parent().url
    assert "The old title" in reader_sees(page.url)  # now in the response cache
    assert "The old title" not in reader_sees(f"{listing}?region=north-west")

    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    form = edit_form(page, title="The new title", region="north-west", role="A new role")
    (tmp_path / "form.json").write_text(json.dumps(form))
    publisher = start_process(
        "--pause-on-save", "casestudies.CaseStudyPartner", "--nth", "1",
        "post", "mo", edit_url, str(tmp_path / "form.json"),
    )  # fmt: skip
    publisher.wait_for_line("PAUSED")  # the page row is saved, its partners half saved
    shared_database.pull()
    assert CaseStudyPage.objects.get(pk=page.pk).title == "The old title", "readers see a half-done publish"
    publisher.kill()
    shared_database.pull()

    page = CaseStudyPage.objects.get(pk=page.pk)
    assert page.title == "The old title" and page.live_revision_id == old_revision
    assert page.region.slug == "london" and {p.role for p in page.partners.all()} == {"Teaching", "Selecting pupils"}
    assert page.latest_revision_id == old_revision
    assert Revision.objects.filter(object_id=str(page.pk)).count() == 1
    assert PublishedVersion.objects.filter(page=page).count() == 1
    assert FindableVersion.current() == token  # so the facet index and the cache were right to stay
    assert "The old title" in reader_sees(page.url)
    assert "The new title" not in reader_sees(f"{listing}?region=north-west")

    # The moderator presses Publish again.
    client = Client()
    client.force_login(moderator)
    response = client.post(edit_url, form)
    assert response.status_code == 302
    page = CaseStudyPage.objects.get(pk=page.pk)
    assert page.title == "The new title" and page.region.slug == "north-west"
    assert {p.role for p in page.partners.all()} == {"A new role"}
    assert PublishedVersion.objects.filter(page=page).count() == 2
    assert FindableVersion.current() != token
    assert "The new title" in reader_sees(page.url)
    assert "The new title" in reader_sees(f"{listing}?region=north-west")
