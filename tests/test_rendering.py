"""Every public page type renders for an anonymous reader, with what the editor entered."""

import pytest
from django.test import Client

from home.models import StandardPage
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_case_study(index_page):
    return make_case_study(
        index_page,
        title="Languages For All",
        summary="Borough-wide A levels in French, German and Spanish.",
        story=[
            {"type": "heading", "text": "The problem"},
            {"type": "paragraph", "text": "Few pupils took a language A level."},
            {"type": "quote", "quote": "Co-production led to a better solution.", "attribution": "Head, Reach Feltham"},
            {
                "type": "key_fact",
                "figure": "30–40",
                "label": "students a year taking a language A level",
                "source": "Essay",
            },
        ],
        success_features=[
            {"feature": "shared-governance", "evidence": "Both partners serve their own goals."},
            {"feature": "exciting-accessible", "evidence": "Families trust the school."},
        ],
        policy_levers=["local-convening"],
        purposes=["subject-enrichment"],
        phases=["post-16"],
        region="london",
        local_authority="Hounslow",
        start_year=2023,
        status="pilot",
        reported_year=2024,
        formality="mou",
        funding_model="grant",
        funding_note="A Turing Scheme bid for trips.",
        evidence_type=2,
        evidence_note="Baseline figures exist.",
        impact_measures=[
            {"measure": "Language A-level entries", "baseline": "30", "result": "45", "source": "Borough data"}
        ],
        barriers=["funding-uncertainty"],
        barriers_note="Central teaching pooled small groups.",
        advice="Start from a shared problem.",
        sources=[
            {
                "title": "University-schools collaboration",
                "authors": ["Vainker, Ed", "Slavinsky, Michael"],
                "url": "https://example.org/essay",
                "publisher": "UPP Foundation",
                "year": 2024,
            }
        ],
        last_reviewed="2026-11-01",
    )


def test_case_study_page_shows_every_field_the_editor_filled_in(client, full_case_study):
    response = client.get(full_case_study.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Languages For All",
        "Borough-wide A levels",
        "Test University",
        "Teaching",
        "lead partner",
        "Hounslow",
        "London",
        "Post-16",
        "Subject enrichment",
        "Pilot, since 2023, as reported in 2024",
        "Vainker, Ed; Slavinsky, Michael",
        "Memorandum of understanding",
        "Time-limited grant",
        "A Turing Scheme bid",
        "Locally convened",
        "Type 2: empirical enquiry",
        "type 2 of 3",
        "The problem",
        "Few pupils took",
        "Co-production led",
        "Head, Reach Feltham",
        "30–40",
        "Shared governance",
        "Both partners serve",
        "Families trust",
        "Baseline figures exist",
        "Language A-level entries",
        "45",
        "Borough data",
        "Funding uncertainty",
        "Central teaching pooled",
        "Start from a shared problem",
        "https://example.org/essay",
        "UPP Foundation",
        "1 November 2026",
        "Cite this case study",
    ):
        assert text in html, text
    assert html.count("<h1") == 1


def test_impact_measures_are_a_real_table_with_headers(client, full_case_study):
    html = client.get(full_case_study.url).content.decode()
    assert "<caption>Impact measures</caption>" in html
    assert '<th scope="col">Baseline</th>' in html


def test_text_from_editors_is_escaped_not_executed(client, index_page):
    page = make_case_study(index_page, summary="<script>alert(1)</script>", advice="<b>bold</b>")
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html


def test_case_study_index_lists_only_live_case_studies(client, index_page, case_study):
    draft = make_case_study(index_page, publish=False, title="Secret draft partnership")
    response = client.get(index_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert case_study.title in html
    assert draft.title not in html
    assert Client().get(draft.url if draft.url else "/case-studies/" + draft.slug + "/").status_code == 404


def test_private_case_studies_stay_out_of_listings(client, index_page, case_study):
    from wagtail.models import PageViewRestriction

    private = make_case_study(index_page, title="Private partnership")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert "Private partnership" not in client.get(index_page.url).content.decode()
    assert "Private partnership" not in client.get("/").content.decode()


def test_home_page_renders_features_levers_and_latest(client, home_page, case_study):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Each partner does what it does best" in html
    assert "Inspection and regulation" in html
    assert case_study.title in html


def test_standard_page_renders(client, home_page):
    page = home_page.add_child(
        instance=StandardPage(
            title="Methodology", slug="methodology", body=[("paragraph", "<p>How we grade evidence.</p>")]
        )
    )
    page.save_revision().publish()
    response = client.get("/methodology/")
    assert response.status_code == 200
    assert "How we grade evidence." in response.content.decode()


def test_unknown_address_gives_a_helpful_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Browse and search all case studies" in response.content.decode()


def test_500_page_needs_no_database_and_shows_the_request_id():
    """No `db` fixture: pytest-django blocks the database, so any query would fail here."""
    from django.test import RequestFactory

    from evidencebank.serving.errors import server_error

    request = RequestFactory().get("/broken/")
    request.request_id = "abc123def4567890"
    response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, something went wrong" in html
    assert "abc123def4567890" in html
    assert "<style" not in html and "style=" not in html
    assert "css/error.css" in html


def test_500_page_renders_without_the_database_or_a_request(rf, django_assert_num_queries):
    from evidencebank.serving.errors import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/anything/"))
    html = response.content.decode()
    assert response.status_code == 500 and "Sorry, something went wrong" in html
    assert 'href="/"' in html and 'href="/find/"' in html


def test_the_error_pages_finder_link_leads_to_the_case_study_index(client, index_page):
    response = client.get("/find/", {"q": "languages"})
    assert response.status_code == 302 and response["Location"] == "/case-studies/?q=languages"
