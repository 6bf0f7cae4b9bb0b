"""With JavaScript switched off, readers can still search, filter and read everything."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def page_without_js(new_context):
    return new_context(java_script_enabled=False).new_page()


def test_search_from_the_home_page_works_without_javascript(page_without_js, site):
    page = page_without_js
    page.goto("/")
    page.fill("#home-q", "languages")
    page.click("form[role=search] button")
    page.wait_for_url(re.compile(r"/case-studies/\?q=languages"))
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator(".card").first).to_be_visible()


def test_filter_form_works_without_javascript(page_without_js, site):
    page = page_without_js
    response = page.goto("/case-studies/")
    assert response.status == 200
    checkboxes = page.locator("form .facet input[type=checkbox]")
    if checkboxes.count() < 2:
        pytest.skip("The listing has no filter form on this branch yet")
    chosen = []
    enabled = page.locator("form .facet input[type=checkbox]:not([disabled])")
    for index in (0, enabled.count() - 1):
        box = enabled.nth(index)
        # Facets are closed <details> until opened, which works without JavaScript.
        box.locator("xpath=ancestor::details/summary").click()
        box.check()
        chosen.append((box.get_attribute("name"), box.get_attribute("value")))
    form = checkboxes.first.locator("xpath=ancestor::form")
    form.locator("button[type=submit], button:not([type]), input[type=submit]").first.click()
    for name, value in chosen:
        page.wait_for_url(re.compile(re.escape(f"{name}={value}")))
        expect(page.locator(f"input[type=checkbox][name='{name}'][value='{value}']")).to_be_checked()


def test_case_study_shows_every_section_without_javascript(page_without_js, site):
    page = page_without_js
    page.goto(site["paths"]["rich_case_study"])
    for heading in (
        "At a glance",
        "Success features this case shows",
        "Evidence and impact",
        "Sources and documents",
        "Related case studies",
    ):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    image = page.locator(".story-image img")
    assert image.get_attribute("alt") == "Pupils in a lecture theatre"


def test_health_check_and_compare_work_without_javascript(page_without_js, site):
    page = page_without_js
    page.goto("/health-check/")
    for n in range(1, 16):
        page.locator(f"#s{n}-{0 if n in (10, 11, 12) else 3}").check()
    page.get_by_role("button", name="See the result").click()
    page.wait_for_url(re.compile(r"/health-check/result/\?r=2-333333333000333"))
    expect(page.locator(".hc-weak h3")).to_have_text(re.compile("accountability", re.I))
    page.goto("/case-studies/")
    boxes = page.locator("input[name=ids]")
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.get_by_role("button", name="Compare ticked case studies").click()
    page.wait_for_url(re.compile(r"/case-studies/compare/\?ids=\d+&ids=\d+"))
    expect(page.locator("table.compare-table thead th")).to_have_count(2)


def test_a_partnership_can_submit_its_case_study_without_javascript(page_without_js, site):
    page = page_without_js
    page.goto("/submit/")
    page.get_by_label("What is the partnership called?").fill("Browser-tested partnership")
    page.get_by_label("Which organisations are the partners?").fill("A school\nA university")
    page.get_by_label("What do the partners do together?").fill("They <b>teach</b> together.")
    page.locator("input[name=features]").first.check()
    page.get_by_label("Why do you think it shows them?").fill("A joint board meets termly.")
    page.get_by_label("Your full name").fill("Sam Submitter")
    page.get_by_label("Your organisation").fill("A school")
    page.get_by_label("Your email address").fill("not an address")
    page.get_by_role("button", name="Send for review").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    summary.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"#id_email$"))
    expect(page.get_by_label("What is the partnership called?")).to_have_value("Browser-tested partnership")
    expect(page.locator("input[name=features]").first).to_be_checked()
    page.get_by_label("Your email address").fill("sam@school.example")
    page.get_by_role("button", name="Send for review").click()
    page.wait_for_url(re.compile(r"/submit/sent/$"))
    expect(page.locator("h1")).to_contain_text("your case study has been sent")
