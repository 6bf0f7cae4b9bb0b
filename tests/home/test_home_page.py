"""The home page explains the bank, offers search, and shows where the evidence is."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from home.demo import load_standard_pages
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db


def matrix_cell(html, feature_name, lever_column):
    table = BeautifulSoup(html, "html.parser").find("table", class_="matrix")
    row = next(tr for tr in table.tbody.find_all("tr") if tr.th.get_text(strip=True) == feature_name)
    return row.find_all("td")[lever_column]


def test_home_page_links_each_feature_and_lever_to_its_page(client, home_page):
    load_standard_pages(home_page)
    html = client.get("/").content.decode()
    assert 'href="/case-studies/features/shared-governance/"' in html
    assert 'href="/case-studies/levers/local-convening/"' in html
    assert 'role="search"' in html and 'name="q"' in html
    assert 'href="/contribute/"' in html


def test_evidence_matrix_counts_only_published_public_case_studies(client, index_page):
    for _ in range(2):
        make_case_study(index_page, policy_levers=["local-convening"])
    make_case_study(index_page, policy_levers=["local-convening"], publish=False)
    private = make_case_study(index_page, policy_levers=["local-convening"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = client.get("/").content.decode()
    # The factory's case studies show "Each partner does what it does best"; levers run least to most stringent.
    cell = matrix_cell(html, "Each partner does what it does best", 2)
    assert cell.a.get_text(strip=True) == "2"
    assert "feature=play-to-strengths" in cell.a["href"] and "lever=local-convening" in cell.a["href"]
    gap = matrix_cell(html, "Each partner does what it does best", 0)
    assert gap.a is None and "None yet" in gap.get_text()


def test_home_page_costs_the_same_queries_with_more_case_studies(client, index_page, django_assert_max_num_queries):
    make_case_study(index_page, policy_levers=["local-convening"])
    client.get("/")
    with django_assert_max_num_queries(20) as captured:
        client.get("/")
    baseline = len(captured)
    for _ in range(5):
        make_case_study(index_page, policy_levers=["sharing-what-works"])
    client.get("/")  # the first request after a publish rebuilds the facet index
    with django_assert_max_num_queries(baseline):
        client.get("/")


def test_every_internal_link_follows_the_index_page_when_its_slug_changes(client, home_page, index_page):
    load_standard_pages(home_page)
    make_case_study(index_page, title="Renamed-index case")
    index_page.slug = "evidence"
    index_page.save_revision().publish()
    for url in ("/", "/evidence/", "/about/", "/evidence/matrix/", "/evidence/features/shared-governance/"):
        html = client.get(url).content.decode()
        assert "/case-studies/" not in html, url
    assert 'href="/evidence/features/shared-governance/"' in client.get("/").content.decode()


def test_the_matrix_changes_with_the_next_publish(client, index_page):
    """The home page's matrix is worked out once per change to what is findable, never kept past one."""
    make_case_study(index_page, policy_levers=["local-convening"])
    assert matrix_cell(client.get("/").content.decode(), "Each partner does what it does best", 2).a.get_text() == "1"
    assert matrix_cell(client.get("/").content.decode(), "Each partner does what it does best", 2).a.get_text() == "1"
    make_case_study(index_page, policy_levers=["local-convening"])
    assert matrix_cell(client.get("/").content.decode(), "Each partner does what it does best", 2).a.get_text() == "2"
