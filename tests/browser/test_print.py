"""A case study prints on A4 without navigation, with the addresses of its links shown."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_case_study_prints_on_a4_without_navigation_and_with_link_addresses(new_context, site):
    page = new_context().new_page()
    page.goto(site["paths"]["rich_case_study"])
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".breadcrumbs", ".contents", ".skip-link", ".related"):
        expect(page.locator(hidden).first, f"{hidden} should not print").to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".at-a-glance")).to_be_visible()
    expect(page.locator(".source-list li").first).to_contain_text("https://example.org/evaluation")
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize(
    "answers", ["333333322000332", "000000000000000"], ids=["one weak feature", "three weak features"]
)
def test_health_check_result_prints_as_a_one_page_plan(new_context, site, answers):
    page = new_context().new_page()
    page.goto(f"/health-check/result/?r=2-{answers}&phase=secondary&region=london")
    page.emulate_media(media="print")
    for hidden in (
        ".site-header",
        ".site-footer",
        ".hc-actions",
        ".hc-chart",
        ".hc-answers-given",
        ".hc-reading-lists",
    ):
        expect(page.locator(hidden).first, f"{hidden} should not print").to_be_hidden()
    expect(page.locator(".hc-profile")).to_be_visible()
    expect(page.locator(".hc-weak").first).to_be_visible()
    pdf = page.pdf(format="A4", print_background=False)
    assert pages_in(pdf) == 1


def pages_in(pdf):
    import re

    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_compare_page_prints_the_table(new_context, site):
    page = new_context().new_page()
    page.goto(f"/case-studies/compare/?ids={site['paths']['compare_two']}")
    page.emulate_media(media="print")
    expect(page.locator(".compare-table")).to_be_visible()
    expect(page.locator(".site-header")).to_be_hidden()


def test_a_reading_list_prints_one_case_study_per_page_without_navigation(new_context, site):
    page = new_context().new_page()
    page.goto(site["paths"]["reading_list"])
    entries = page.locator(".reading-list-entry").count()
    assert entries == 3  # the demo's accountability list
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".breadcrumbs", ".skip-link", "#list-downloads"):
        expect(page.locator(hidden).first, f"{hidden} should not print").to_be_hidden()
    expect(page.locator(".reading-list-entry").first).to_be_visible()
    pdf = page.pdf(format="A4", print_background=False)
    assert pages_in(pdf) == entries  # the introduction shares the first case study's page
