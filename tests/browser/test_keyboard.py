"""A keyboard-only reader can reach everything, and always sees where the focus is."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import assert_focus_visible, tab_to

pytestmark = pytest.mark.browser

FILTER_CHECKBOX = "form .facet input[type=checkbox]"


def start_at_home_and_skip_to_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()


def search_for(page, words):
    tab_to(page, "input[type=search]")
    page.keyboard.type(words)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q=" + re.escape(words)))


def choose_two_filters(page):
    # Each facet is a closed <details>: open the first with the keyboard, then tick two of its
    # options (OR within a facet, so the results cannot run out).
    tab_to(page, "details.facet > summary")
    page.keyboard.press("Enter")
    tab_to(page, FILTER_CHECKBOX)
    page.keyboard.press("Space")
    first = page.evaluate("document.activeElement.name + '=' + document.activeElement.value")
    tab_to(page, f"{FILTER_CHECKBOX}:not(:checked)")
    page.keyboard.press("Space")
    second = page.evaluate("document.activeElement.name + '=' + document.activeElement.value")
    assert first.split("=")[0] == second.split("=")[0]
    tab_to(page, "form button[type=submit], form button:not([type]), form input[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    return first, second


def open_first_result_and_reach_its_sources(page):
    tab_to(page, ".card a")
    title = page.evaluate("document.activeElement.textContent.trim()")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(title)
    tab_to(page, "a[href='#sources']")
    page.keyboard.press("Enter")
    # The jump to #sources happens after the key press returns: wait for it, never read at once.
    page.wait_for_url(re.compile(r"#sources$"))
    expect(page.locator("#sources")).to_be_in_viewport()
    # The next Tab carries on from the sources, not from the top of the page.
    page.keyboard.press("Tab")
    page.wait_for_function(
        "document.querySelector('#sources').compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert_focus_visible(page)


def test_keyboard_journey_skip_link_search_open_a_result_and_reach_its_sources(page, site):
    start_at_home_and_skip_to_content(page)
    search_for(page, "university")
    open_first_result_and_reach_its_sources(page)


def test_keyboard_journey_with_two_filters(page, site):
    page.goto("/case-studies/")
    if page.locator(FILTER_CHECKBOX).count() < 2:
        pytest.skip("The listing has no filter form on this branch yet")
    start_at_home_and_skip_to_content(page)
    search_for(page, "university")
    first, second = choose_two_filters(page)
    for chosen in (first, second):
        page.wait_for_url(re.compile(re.escape(chosen).replace("=", "(=|%3D)")))
    open_first_result_and_reach_its_sources(page)


def test_keyboard_journey_tick_two_results_and_compare_them(page, site):
    page.goto("/case-studies/")
    page.locator("#main").focus()
    tab_to(page, "input[name=ids]")
    page.keyboard.press("Space")
    first = page.evaluate("document.activeElement.value")
    tab_to(page, "input[name=ids]:not(:checked)")
    page.keyboard.press("Space")
    second = page.evaluate("document.activeElement.value")
    tab_to(page, "#compare-form button")
    assert_focus_visible(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/case-studies/compare/\?ids=" + first + "&ids=" + second))
    expect(page.locator("table.compare-table thead th")).to_have_count(2)
    tab_to(page, ".compare-table a")
    assert_focus_visible(page)


def test_keyboard_journey_answer_the_health_check_and_reach_the_evidence(page, site):
    page.goto("/health-check/")
    page.locator("#main").focus()
    # Arrow keys move within a radio group; Tab moves to the next statement.
    for n in range(1, 16):
        tab_to(page, f"input[name=s{n}]")
        page.keyboard.press("Space" if n > 9 else "ArrowRight")  # 10–15 "not yet", the others "starting"
        expect(page.locator(f"input[name=s{n}]:checked")).to_have_count(1)
    tab_to(page, ".hc-context__group > summary")
    page.keyboard.press("Enter")
    tab_to(page, "input[name=phase]")
    page.keyboard.press("Space")
    tab_to(page, ".health-check-form button[type=submit]")
    assert_focus_visible(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/health-check/result/\?r=2-111111111000000&phase="))
    expect(page.locator(".hc-weak").first).to_be_visible()
    tab_to(page, ".hc-evidence a")
    assert_focus_visible(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h1")).to_be_visible()


def test_keyboard_journey_from_a_health_check_result_to_a_reading_list_and_its_case_study(page, site):
    # Accountability "not yet": the demo's accountability reading list covers it.
    page.goto("/health-check/result/?r=1-333333333000333")
    page.locator("#main").focus()
    tab_to(page, ".hc-reading-lists a")
    title = page.evaluate("document.activeElement.textContent.trim()")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(title)
    page.locator("#main").focus()
    tab_to(page, ".reading-list-entry h2 a")
    case_study = page.evaluate("document.activeElement.textContent.trim()")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(case_study)
    # The case study names the lists that include it, and the keyboard reaches them.
    tab_to(page, "#reading-lists ~ ul a, section[aria-labelledby=reading-lists] a")


@pytest.mark.parametrize("card", ["case_study_card", "reading_list_card"])
def test_keyboard_reaches_every_link_on_a_card_with_visible_focus(page, site, card):
    page.goto(site["paths"][card])
    links = page.locator("a").count()
    assert links >= 2
    for _ in range(links):
        page.keyboard.press("Tab")
        page.wait_for_function("document.activeElement && document.activeElement.tagName === 'A'")
        assert_focus_visible(page)
