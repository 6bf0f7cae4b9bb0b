"""The evidence matrix at /case-studies/matrix/."""

import re

from tests.casestudies.conftest import feature  # noqa: F401  (fixture helpers)


def matrix(response, param):
    return next(m for m in response.context["matrices"] if m.column_param == param)


def cell(m, feature_slug, column_slug):
    columns = [c.slug for c in m.columns]
    for row_feature, cells, _total in m.rows:
        if row_feature.slug == feature_slug:
            return cells[columns.index(column_slug)]
    raise AssertionError(feature_slug)


def test_each_cell_counts_published_case_studies_with_that_feature_and_lever(client, index_page, tagged):
    response = client.get(index_page.url + "matrix/")
    assert response.status_code == 200
    levers = matrix(response, "lever")
    # a and c show shared governance under local convening; the draft and private ones do not count.
    assert cell(levers, "shared-governance", "local-convening").count == 2
    assert cell(levers, "play-to-strengths", "leadership-training").count == 1
    assert cell(levers, "play-to-strengths", "local-convening").count == 1
    purposes = matrix(response, "purpose")
    assert cell(purposes, "shared-governance", "subject-enrichment").count == 1


def test_empty_cells_are_marked_as_gaps_in_words(client, index_page, tagged):
    response = client.get(index_page.url + "matrix/")
    levers = matrix(response, "lever")
    assert cell(levers, "exciting-accessible", "inspection-regulation").count == 0
    html = response.content.decode()
    assert 'Gap<span class="visually-hidden">: no case studies</span>' in html
    assert levers.gap_count == 20 - 3


def test_cells_link_to_the_filtered_list_keeping_active_filters(client, index_page, tagged):
    response = client.get(index_page.url + "matrix/", {"region": "london"})
    target = cell(matrix(response, "lever"), "shared-governance", "local-convening")
    assert target.count == 1
    assert "feature=shared-governance" in target.url and "lever=local-convening" in target.url
    assert "region=london" in target.url and target.url.startswith(index_page.url + "?")
    listed = client.get(target.url).context["finding"]
    assert listed.total == 1 and listed.results[0].title == "Alpha languages partnership"


def test_matrix_responds_to_filters_and_search_words(client, index_page, tagged):
    response = client.get(index_page.url + "matrix/", {"phase": "primary"})
    assert cell(matrix(response, "lever"), "shared-governance", "local-convening").count == 1
    response = client.get(index_page.url + "matrix/", {"q": "outreach"})
    assert cell(matrix(response, "lever"), "shared-governance", "local-convening").count == 1


def test_matrix_is_an_accessible_table(client, index_page, tagged):
    html = client.get(index_page.url + "matrix/").content.decode()
    assert html.count("<caption>") == 2
    assert html.count("<h1") == 1
    assert 'scope="col"' in html and 'scope="row"' in html
    headings = [int(level) for level in re.findall(r"<h([1-6])", html)]
    assert all(b - a <= 1 for a, b in zip(headings, headings[1:]))
    assert "zebracorn" not in html.lower()
