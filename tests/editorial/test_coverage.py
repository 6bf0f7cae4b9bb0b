"""The coverage report and the admin-home panel count what editors need to commission and review."""

import csv
import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import WorkflowState

from casestudies.models import PolicyLever, SuccessFeature
from editorial.coverage import coverage, review_due_before
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db


def name(model, slug):
    return model.objects.get(slug=slug).name


def feature(slug):
    return {"feature": slug, "evidence": "Shown by the case."}


@pytest.fixture
def evidence(index_page):
    make_case_study(
        index_page,
        success_features=[feature("shared-governance")],
        policy_levers=["local-convening"],
        purposes=["send"],
        region="london",
        phases=["primary"],
        evidence_type=2,
        last_reviewed="2025-06-01",
    )
    make_case_study(
        index_page,
        success_features=[feature("shared-governance"), feature("play-to-strengths")],
        policy_levers=["local-convening", "sharing-what-works"],
        region="london",
        evidence_type=3,
    )
    make_case_study(
        index_page,
        success_features=[feature("shared-governance")],
        policy_levers=["local-convening"],
        region="wales",
        phases=["primary", "secondary"],
        evidence_type=2,
        last_reviewed="2020-01-01",
    )
    make_case_study(
        index_page,
        success_features=[feature("shared-governance")],
        policy_levers=["local-convening"],
        region="wales",
        evidence_type=2,
        last_reviewed=timezone.localdate().isoformat(),
    )
    # A draft counts nowhere.
    make_case_study(
        index_page,
        publish=False,
        success_features=[feature("exciting-accessible")],
        policy_levers=["inspection-regulation"],
        region="scotland",
        evidence_type=1,
    )


def cell(matrix, row_slug, column_slug):
    for term, column, c in matrix.cells():
        if term.slug == row_slug and column.slug == column_slug:
            return c


def test_feature_by_lever_counts_published_case_studies_and_marks_gaps_and_thin_cells(evidence):
    lever_matrix = coverage().matrices[0]
    assert cell(lever_matrix, "shared-governance", "local-convening").count == 4
    assert cell(lever_matrix, "shared-governance", "local-convening").assessment == ""
    assert cell(lever_matrix, "play-to-strengths", "sharing-what-works").count == 1
    assert cell(lever_matrix, "play-to-strengths", "sharing-what-works").assessment == "thin"
    assert cell(lever_matrix, "exciting-accessible", "inspection-regulation").count == 0
    assert cell(lever_matrix, "exciting-accessible", "inspection-regulation").assessment == "gap"


def test_feature_by_purpose_region_phase_and_evidence_type_are_counted(evidence):
    report = coverage()
    assert cell(report.matrices[1], "shared-governance", "send").count == 1
    by_region = dict((name, c.count) for name, c in report.tallies[0].rows)
    by_phase = dict((name, c.count) for name, c in report.tallies[1].rows)
    by_type = dict((name, c.count) for name, c in report.tallies[2].rows)
    assert by_region["London"] == 2 and by_region["Wales"] == 2 and by_region["Scotland"] == 0
    assert by_phase["Primary"] == 2 and by_phase["Secondary"] == 1
    assert by_type == {"Type 1: narrative": 0, "Type 2: empirical enquiry": 3, "Type 3: causal claims": 1}
    assert report.total == 4
    assert ("Case studies by region", "Scotland", "") in report.gaps


def test_case_studies_not_reviewed_in_24_months_are_listed_oldest_first(evidence):
    due = coverage().due_for_review
    assert [p.last_reviewed for p in due] == [None, datetime.date(2020, 1, 1)]


def test_review_cutoff_is_24_months_back_even_from_a_leap_day():
    assert review_due_before(datetime.date(2026, 11, 23)) == datetime.date(2024, 11, 23)
    assert review_due_before(datetime.date(2028, 2, 29)) == datetime.date(2026, 2, 28)


def test_submissions_awaiting_review_show_how_long_they_have_waited(index_page, editor):
    page = make_case_study(index_page, publish=False, title="Waiting case")
    index_page.get_workflow().start(page, editor)
    WorkflowState.objects.filter(object_id=str(page.pk)).update(created_at=timezone.now() - datetime.timedelta(days=9))
    waiting = coverage().awaiting_review
    assert [(s.page.title, s.requested_by, s.days_waiting) for s in waiting] == [("Waiting case", editor, 9)]


def test_coverage_report_page_shows_the_tables(moderator_client, evidence):
    response = moderator_client.get(reverse("editorial:coverage"))
    assert response.status_code == 200
    html = response.content.decode()
    for heading in (
        "Success feature × policy lever",
        "Success feature × purpose",
        "Case studies by region",
        "Case studies by phase",
        "Case studies by evidence type",
        "Not reviewed in 24 months",
        "Awaiting review",
    ):
        assert heading in html
    assert f'<th scope="row">{name(SuccessFeature, "shared-governance")}</th>' in html
    assert "(gap)" in html and "(thin)" in html


def test_coverage_report_downloads_as_csv_and_xlsx(moderator_client, evidence):
    response = moderator_client.get(reverse("editorial:coverage") + "?export=csv")
    assert response["Content-Disposition"] == 'attachment; filename="evidence-coverage.csv"'
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {
        "Section": "Success feature × policy lever",
        "Row": name(SuccessFeature, "shared-governance"),
        "Column": name(PolicyLever, "local-convening"),
        "Case studies": "4",
        "Note": "",
    } in rows
    assert any(r["Section"] == "Not reviewed in 24 months" and r["Column"] == "last reviewed" for r in rows)
    response = moderator_client.get(reverse("editorial:coverage") + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [c.value for c in next(sheet.iter_rows())] == ["Section", "Row", "Column", "Case studies", "Note"]
    assert sheet.max_row == len(rows) + 1


def test_users_without_the_coverage_permission_cannot_see_the_report(client, django_user_model, index_page):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("outsider")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("editorial:coverage"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert "Evidence coverage" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_admin_home_shows_the_coverage_summary_panel(moderator_client, evidence, editor, index_page):
    page = make_case_study(index_page, publish=False)
    index_page.get_workflow().start(page, editor)
    html = moderator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Evidence coverage" in html
    assert "4 published case studies" in html
    assert "1 not reviewed in 24 months" not in html and "2 not reviewed in 24 months" in html
    assert "1 awaiting review, the longest for 0 days" in html
    assert reverse("editorial:coverage") in html


def test_every_count_links_to_the_listing_of_the_case_studies_it_counts(moderator_client, client, evidence):
    html = moderator_client.get(reverse("editorial:coverage")).content.decode()
    cell = re.search(r'<a href="(/case-studies/\?feature=shared-governance&amp;lever=local-convening)">(\d+)</a>', html)
    assert cell, "the feature × lever count is a link to the filtered listing"
    listing = client.get(cell.group(1).replace("&amp;", "&")).content.decode()
    assert listing.count('class="card__title"') == int(cell.group(2)) == 4
    region = re.search(r'<a href="(/case-studies/\?region=wales)">(\d+)</a>', html)
    assert region and int(region.group(2)) == 2
    assert 'href="/case-studies/?evidence_type=3">1</a>' in html


def test_the_matrices_scroll_in_their_own_box_and_the_downloads_are_labelled(moderator_client, evidence):
    html = moderator_client.get(reverse("editorial:coverage")).content.decode()
    assert html.count('class="coverage-matrix-scroll" role="region"') == 2 and "overflow-x: auto" in html
    for label, export in (("Download CSV", "csv"), ("Download XLSX", "xlsx")):
        link = re.search(rf'href="([^"]*export={export})"[^>]*>\s*(?:<svg.*?</svg>\s*)?{label}', html, re.S)
        assert link, label
        assert moderator_client.get(link.group(1).replace("&amp;", "&")).status_code == 200
