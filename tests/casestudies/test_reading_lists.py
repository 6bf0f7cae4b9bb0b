"""Reading lists for courses: the page, its downloads, the Course designers group and review."""

import csv
import io
import json

import bibtexparser
import pytest
import rispy
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from casestudies.models import CaseStudyPage, ReadingListIndexPage, ReadingListItem, ReadingListPage
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db


def make_reading_list(home_page, case_studies, publish=True, title="Working in partnership", notes=None):
    index = ReadingListIndexPage.objects.first()
    if index is None:
        index = home_page.add_child(instance=ReadingListIndexPage(title="Reading lists", slug="reading-lists"))
        index.save_revision().publish()
    page = ReadingListPage(
        title=title,
        audience="NPQ for Executive Leadership: working in partnership",
        introduction="Read these before the second seminar.",
        live=False,  # as the editor creates it: not live until published
    )
    for n, case_study in enumerate(case_studies):
        page.items.add(
            ReadingListItem(
                case_study=case_study,
                note=notes[n] if notes else f"Note {n}",
                discussion_questions="What would you copy?\nWho leads?",
            )
        )
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return ReadingListPage.objects.get(pk=page.pk)


@pytest.fixture
def course(home_page, index_page):
    first = make_case_study(index_page, title="First case")
    second = make_case_study(index_page, title="Second case")
    draft = make_case_study(index_page, publish=False, title="Secret draft case")
    private = make_case_study(index_page, title="Secret private case")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    reading_list = make_reading_list(home_page, [second, draft, first, private])
    return reading_list, first, second


def test_the_list_shows_published_case_studies_in_order_with_notes_and_questions(client, course):
    reading_list, first, second = course
    html = client.get(reading_list.url).content.decode()
    assert html.index("Second case") < html.index("First case")
    assert "Secret" not in html
    assert html.count("No longer published") == 2
    assert "What would you copy?" in html and "Note 0" in html
    assert "NPQ for Executive Leadership" in html
    assert f"/cs/{reading_list.pk}/" in html


def test_an_item_no_longer_published_shows_neither_its_note_nor_its_questions(client, home_page, index_page):
    shown = make_case_study(index_page, title="Shown case")
    hidden = make_case_study(index_page, publish=False, title="Hidden case")
    reading_list = make_reading_list(
        home_page, [shown, hidden], notes=["Read for the governance.", "Secret: how the hidden case was funded."]
    )
    html = client.get(reading_list.url).content.decode()
    assert "Read for the governance." in html and "No longer published" in html
    assert "Secret" not in html and "Hidden case" not in html
    assert html.count("What would you copy?") == 1  # the published item's questions only


def test_the_list_has_a_permanent_link(client, course):
    reading_list = course[0]
    assert client.get(f"/cs/{reading_list.pk}/")["Location"] == reading_list.url


def test_downloads_hold_the_published_case_studies_in_list_order(client, course):
    reading_list, first, second = course
    ris = client.get(f"/cs/{reading_list.pk}/list.ris")
    assert ris["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert [e["title"] for e in rispy.loads(ris.content.decode())] == ["Second case", "First case"]
    library = bibtexparser.parse_string(client.get(f"/cs/{reading_list.pk}/list.bib").content.decode())
    assert not library.failed_blocks and len(library.entries) == 2
    rows = list(csv.DictReader(io.StringIO(client.get(f"/cs/{reading_list.pk}/list.csv").content.decode("utf-8-sig"))))
    assert [r["title"] for r in rows] == ["Second case", "First case"]
    document = json.loads(client.get(f"/cs/{reading_list.pk}/list.json").content)
    assert [r["title"] for r in document["case_studies"]] == ["Second case", "First case"]


def test_case_studies_show_the_public_lists_that_include_them(client, home_page, course):
    reading_list, first, _ = course
    make_reading_list(home_page, [first], publish=False, title="Draft list")
    html = client.get(first.url).content.decode()
    assert "Reading lists that include this case study" in html and reading_list.title in html
    assert "Draft list" not in html


def test_a_draft_list_is_not_public(client, home_page, index_page):
    draft = make_reading_list(home_page, [make_case_study(index_page)], publish=False, title="Secret list")
    assert client.get(f"/cs/{draft.pk}/").status_code == 404
    assert client.get(f"/cs/{draft.pk}/list.ris").status_code == 404


def test_course_designers_create_and_edit_reading_lists_and_nothing_else(client, django_user_model, course):
    reading_list = course[0]
    index = ReadingListIndexPage.objects.get()
    user = django_user_model.objects.create_user("designer", "d@example.org", "pw")
    user.groups.add(Group.objects.get(name="Course designers"))
    client.force_login(user)
    assert client.get(f"/admin/pages/add/casestudies/readinglistpage/{index.pk}/").status_code == 200
    assert client.get(f"/admin/pages/{reading_list.pk}/edit/").status_code == 200
    case_study = CaseStudyPage.objects.first()
    assert client.get(f"/admin/pages/{case_study.pk}/edit/").status_code in (302, 403)
    case_index = case_study.get_parent()
    assert client.get(f"/admin/pages/add/casestudies/casestudypage/{case_index.pk}/").status_code in (302, 403)
    perms = reading_list.permissions_for_user(user)
    assert perms.can_edit() and not perms.can_publish()


def test_reading_lists_go_through_review(course):
    index = ReadingListIndexPage.objects.get()
    assert index.get_workflow() is not None and index.get_workflow().name == "Evidence review"
