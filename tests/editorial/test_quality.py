"""The content-quality rules, the report that lists what breaks them, and the same warnings in the
page editor where a moderator reviews a submission."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import WorkflowState

from casestudies.models import quality_warnings
from casestudies.rules import review_due_before
from editorial.quality import quality_rows
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 1)
CREDITED = {"title": "An evaluation", "authors": ["Doe, Jane"], "publisher": "A Trust", "year": 2024}


def clean(**overrides):
    """A record that breaks no rule; each test breaks one thing."""
    record = dict(
        evidence_type=1,
        status="established",
        reported_year=2024,
        sources=[CREDITED],
        last_reviewed=TODAY.isoformat(),
    )
    record.update(overrides)
    return record


def rules_broken(page, today=TODAY):
    return [w.rule for w in quality_warnings(page, today)]


def test_a_well_sourced_recent_case_study_breaks_no_rule(index_page):
    assert rules_broken(make_case_study(index_page, **clean())) == []


@pytest.mark.parametrize("evidence_type", [2, 3])
def test_type_2_or_3_needs_a_measure_with_both_baseline_and_result(index_page, evidence_type):
    no_measure = make_case_study(index_page, **clean(evidence_type=evidence_type))
    result_only = make_case_study(
        index_page, **clean(evidence_type=evidence_type, impact_measures=[{"measure": "Entries", "result": "3"}])
    )
    both = make_case_study(
        index_page,
        **clean(
            evidence_type=evidence_type,
            impact_measures=[
                {"measure": "Entries", "result": "3"},
                {"measure": "A-level entries", "baseline": "30", "result": "45"},
            ],
        ),
    )
    assert rules_broken(no_measure) == ["measure-needs-baseline-and-result"]
    assert rules_broken(result_only) == ["measure-needs-baseline-and-result"]
    assert rules_broken(both) == []


def test_type_1_with_a_single_count_is_fine(index_page):
    page = make_case_study(index_page, **clean(impact_measures=[{"measure": "Trainees", "result": "3"}]))
    assert rules_broken(page) == []


def test_a_source_needs_a_year(index_page):
    page = make_case_study(index_page, **clean(sources=[{**CREDITED, "year": None}]))
    [warning] = quality_warnings(page, TODAY)
    assert warning.rule == "source-needs-year"
    assert "An evaluation" in warning.message


def test_a_source_needs_authors_or_a_publisher(index_page):
    authors_only = make_case_study(index_page, **clean(sources=[{**CREDITED, "publisher": ""}]))
    publisher_only = make_case_study(index_page, **clean(sources=[{**CREDITED, "authors": []}]))
    neither = make_case_study(index_page, **clean(sources=[{"title": "[Interview notes]", "year": 2014}]))
    assert rules_broken(authors_only) == []
    assert rules_broken(publisher_only) == []
    assert rules_broken(neither) == ["source-needs-author-or-publisher"]


def test_each_source_is_checked(index_page):
    page = make_case_study(index_page, **clean(sources=[CREDITED, {"title": "Undated"}]))
    assert rules_broken(page) == ["source-needs-year", "source-needs-author-or-publisher"]


def test_a_status_needs_a_reported_year(index_page):
    assert rules_broken(make_case_study(index_page, **clean(reported_year=None))) == ["status-needs-reported-year"]
    assert rules_broken(make_case_study(index_page, **clean(status=None, reported_year=None))) == []


def test_review_over_24_months_ago_uses_the_coverage_reports_cutoff(index_page):
    cutoff = review_due_before(TODAY)
    on_cutoff = make_case_study(index_page, **clean(last_reviewed=cutoff.isoformat()))
    day_before = make_case_study(index_page, **clean(last_reviewed=(cutoff - datetime.timedelta(days=1)).isoformat()))
    never = make_case_study(index_page, **clean(last_reviewed=None))
    type(never).objects.filter(pk=never.pk).update(first_published_at=timezone.now() - datetime.timedelta(days=800))
    never.refresh_from_db()
    assert rules_broken(on_cutoff) == []
    assert rules_broken(day_before) == ["review-overdue"]
    assert rules_broken(never) == ["review-overdue"]
    assert "never been reviewed" in quality_warnings(never, TODAY)[0].message


def test_a_new_case_study_is_asked_for_a_review_date_not_told_it_was_never_reviewed(index_page):
    new = make_case_study(index_page, publish=False, **clean(last_reviewed=None))
    [warning] = quality_warnings(new, TODAY)
    assert warning.rule == "review-date-missing" and warning.label == "No review date"
    assert warning.message.startswith("Add a review date") and "never" not in warning.message


def test_each_warning_names_its_tab_and_field_and_links_to_the_field(editor_in_group_client, index_page):
    from django.urls import reverse

    page = make_case_study(
        index_page, **clean(reported_year=None, sources=[CREDITED, {"title": "Undated", "publisher": "A Trust"}])
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    where = {w.rule: (w.where, w.link(edit_url)) for w in quality_warnings(page, TODAY)}
    assert where["status-needs-reported-year"] == ("Classification tab › Reported year", f"{edit_url}#id_reported_year")
    assert where["source-needs-year"] == ("Sources tab › Source 2 › Year", f"{edit_url}#id_sources-1-year")
    edit_page = editor_in_group_client.get(edit_url).content.decode()
    # The anchors are the fields' own ids on the edit page, and the panel links to them.
    assert 'id="id_reported_year"' in edit_page and 'id="id_sources-1-year"' in edit_page
    assert (
        f'href="{edit_url}#id_reported_year" data-quality-link>Fix it: Classification tab › Reported year' in edit_page
    )
    report = editor_in_group_client.get(reverse("editorial:quality")).content.decode()
    assert f'href="{edit_url}#id_sources-1-year">Fix it: Sources tab › Source 2 › Year' in report


@pytest.fixture
def mixed(index_page):
    today = timezone.localdate().isoformat()
    good = make_case_study(index_page, title="Good case", **clean(last_reviewed=today))
    bad = make_case_study(
        index_page, title="Bad case", **clean(evidence_type=2, reported_year=None, last_reviewed=today)
    )
    draft = make_case_study(index_page, publish=False, title="Draft case", **clean(sources=[{"title": "Untraced"}]))
    return good, bad, draft


def test_report_lists_each_broken_rule_for_live_and_draft_case_studies(mixed):
    rows = {(r.title, r.rule, r.state) for r in quality_rows()}
    assert ("Bad case", "measure-needs-baseline-and-result", "Live") in rows
    assert ("Bad case", "status-needs-reported-year", "Live") in rows
    assert ("Draft case", "source-needs-year", "Draft") in rows
    assert ("Draft case", "source-needs-author-or-publisher", "Draft") in rows
    assert not any(title == "Good case" for title, _, _ in rows)


def test_report_checks_unpublished_changes_as_the_editor_sees_them(index_page):
    page = make_case_study(index_page, title="Fixed in draft", **clean(reported_year=None))
    draft = page.get_latest_revision_as_object()
    draft.reported_year = 2024
    draft.save_revision()
    assert not [r for r in quality_rows() if r.title == "Fixed in draft"]


def test_report_page_shows_the_problems_and_links_to_the_editor(moderator_client, mixed):
    _, bad, _ = mixed
    html = moderator_client.get(reverse("editorial:quality")).content.decode()
    assert "Content quality" in html
    assert "2 case studies break at least one content-quality rule" in html
    assert "Bad case" in html and "Draft case" in html and "Good case" not in html
    assert reverse("wagtailadmin_pages:edit", args=[bad.pk]) in html
    assert "Status without a reported year" in html


def test_report_downloads_as_csv_and_xlsx(moderator_client, mixed):
    response = moderator_client.get(reverse("editorial:quality") + "?export=csv")
    assert response["Content-Disposition"] == 'attachment; filename="content-quality.csv"'
    text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {"Case study", "State", "Problem", "What to do", "Rule"} <= set(rows[0])
    assert {(r["Case study"], r["Rule"]) for r in rows} >= {
        ("Bad case", "status-needs-reported-year"),
        ("Draft case", "source-needs-year"),
    }
    response = moderator_client.get(reverse("editorial:quality") + "?export=xlsx")
    workbook = load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    values = [c.value for row in workbook.active.iter_rows() for c in row]
    assert "Bad case" in values and "Case study" in values


def test_an_empty_report_says_so(moderator_client, index_page):
    make_case_study(index_page, **clean(last_reviewed=timezone.localdate().isoformat()))
    html = moderator_client.get(reverse("editorial:quality")).content.decode()
    assert "No case study breaks a content-quality rule" in html


def test_users_without_the_report_permission_cannot_see_it(client, django_user_model, index_page):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("plain", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("editorial:quality"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert "Content quality" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_reports_menu_offers_the_report_to_moderators(moderator_client):
    assert "Content quality" in moderator_client.get(reverse("wagtailadmin_home")).content.decode()


def test_moderator_reviewing_a_submission_sees_the_same_warnings(moderator_client, editor, index_page):
    page = make_case_study(index_page, publish=False, title="Submitted case", **clean(evidence_type=3))
    index_page.get_workflow().start(page, editor)
    assert WorkflowState.objects.filter(object_id=str(page.pk)).exists()
    html = moderator_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Content quality" in html
    assert "content-quality warning" in html
    assert "Type 2 or 3 evidence without a baseline and a result" in html
    assert "no impact measure has both a baseline and a result" in html


def test_editor_sees_no_warning_when_nothing_is_wrong(moderator_client, index_page):
    page = make_case_study(index_page, **clean(last_reviewed=timezone.localdate().isoformat()))
    html = moderator_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "No content-quality warnings" in html
