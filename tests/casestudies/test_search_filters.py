"""Filtering at /case-studies/: OR within a facet, AND across facets, disjunctive counts."""

import re

from tests.casestudies.conftest import counts, titles
from tests.factories import make_case_study


def test_values_within_one_facet_combine_with_or(client, index_page, tagged):
    response = client.get(index_page.url, {"phase": ["secondary", "primary"]})
    assert titles(response) == {"Alpha languages partnership", "Bravo teacher pathway", "Charlie outreach"}


def test_facets_combine_with_and(client, index_page, tagged):
    response = client.get(index_page.url, {"phase": "secondary", "region": "london"})
    assert titles(response) == {"Alpha languages partnership"}


def test_search_words_narrow_the_filtered_list(client, index_page, tagged):
    response = client.get(index_page.url, {"phase": "secondary", "q": "outreach"})
    assert titles(response) == {"Charlie outreach"}


def test_each_count_says_what_choosing_that_value_would_give(client, index_page, tagged):
    response = client.get(index_page.url, {"phase": "secondary", "region": "london"})
    # The phase counts ignore the phase choice itself but respect the region choice.
    assert counts(response, "phase")["secondary"] == 1
    assert counts(response, "phase")["primary"] == 1
    # The region counts ignore the region choice but respect the phase choice.
    assert counts(response, "region")["london"] == 1
    assert counts(response, "region")["scotland"] == 1
    # Other facets count within the full selection.
    assert counts(response, "feature") == {
        "shared-governance": 1,
        "play-to-strengths": 0,
        "existing-infrastructure": 0,
        "accountability-impact": 0,
        "exciting-accessible": 0,
    }


def test_counts_include_every_value_of_a_multi_valued_facet(client, index_page, tagged):
    response = client.get(index_page.url)
    assert counts(response, "phase")["secondary"] == 2
    assert counts(response, "phase")["primary"] == 2
    assert counts(response, "lever")["local-convening"] == 2
    assert counts(response, "status") == {"pilot": 1, "established": 1, "scaled": 0, "ended": 1, "not-reported": 0}
    assert counts(response, "evidence_type")["1"] == 3
    assert counts(response, "partner_type")["university"] == 3


def test_values_that_would_give_nothing_are_shown_as_such_not_as_links(client, index_page, tagged):
    response = client.get(index_page.url, {"region": "scotland"})
    html = response.content.decode()
    checkbox = re.search(r'<input[^>]*id="f-purpose-teacher-workforce"[^>]*>', html).group(0)
    assert "disabled" in checkbox
    assert "(none match)" in html


def test_drafts_and_private_case_studies_are_never_listed_or_counted(client, index_page, tagged):
    response = client.get(index_page.url)
    assert "zebracorn" not in response.content.decode().lower()
    assert response.context["finding"].total == 3
    assert counts(response, "region")["london"] == 2
    assert client.get(index_page.url, {"q": "zebracorn"}).context["finding"].total == 0


def test_active_filters_appear_as_removable_chips_with_clear_all(client, index_page, tagged):
    response = client.get(index_page.url, {"phase": ["secondary", "primary"], "region": "london", "q": "partnership"})
    finding = response.context["finding"]
    chips = {(c.legend, c.label): c.remove_url for c in finding.chips}
    assert set(chips) == {("Phase", "Secondary"), ("Phase", "Primary"), ("Region", "London")}
    removed = client.get(chips[("Phase", "Primary")])
    state = removed.context["finding"].state
    assert (state["phase"], state["region"], state["q"]) == (["secondary"], ["london"], "partnership")
    assert "q=partnership" in chips[("Region", "London")]
    assert finding.clear_url == index_page.url + "?q=partnership"
    assert "Clear all filters" in response.content.decode()


def test_year_range_keeps_case_studies_running_in_it(client, index_page, tagged):
    assert titles(client.get(index_page.url, {"from_year": 2019})) == {"Bravo teacher pathway", "Charlie outreach"}
    assert titles(client.get(index_page.url, {"to_year": 2016})) == {"Alpha languages partnership"}
    assert titles(client.get(index_page.url, {"from_year": 2016, "to_year": 2017})) == {"Alpha languages partnership"}


def test_results_show_partners_badges_evidence_years_and_region(client, index_page, tagged):
    html = client.get(index_page.url, {"region": "scotland"}).content.decode()
    assert "Test University" in html and "Test Academy" in html
    assert "Shared governance around long-term strategic goals" in html
    assert "Type 1: narrative" in html
    assert "Pilot, since 2021" in html and "Scotland" in html
    assert "1 case study" in html


def test_without_words_the_newest_come_first_and_title_sort_is_alphabetical(client, index_page, tagged):
    newest = [p.title for p in client.get(index_page.url).context["finding"].results]
    assert newest == ["Charlie outreach", "Bravo teacher pathway", "Alpha languages partnership"]
    by_title = [p.title for p in client.get(index_page.url, {"sort": "title"}).context["finding"].results]
    assert by_title == sorted(by_title)


def test_pages_hold_twenty_and_page_links_keep_every_filter(client, index_page):
    for n in range(23):
        make_case_study(index_page, title=f"Secondary case {n:02d}", phases=["secondary"])
    make_case_study(index_page, title="Primary case", phases=["primary"])
    response = client.get(index_page.url, {"phase": "secondary", "q": "secondary", "sort": "title"})
    finding = response.context["finding"]
    assert finding.total == 23 and len(finding.results) == 20
    second = finding.page_url(2)
    assert "phase=secondary" in second and "q=secondary" in second and "sort=title" in second
    page_two = client.get(second).context["finding"]
    assert len(page_two.results) == 3
    assert {p.title for p in page_two.results}.isdisjoint({p.title for p in finding.results})
    assert 'rel="next"' in response.content.decode()


def test_a_chosen_field_facet_counts_without_its_own_choice(client, index_page, tagged):
    response = client.get(index_page.url, {"status": "pilot", "region": "london"})
    assert titles(response) == set()
    assert counts(response, "status") == {"pilot": 0, "established": 1, "scaled": 0, "ended": 1, "not-reported": 0}
    assert counts(response, "formality") == {k: 0 for k in counts(response, "formality")}
