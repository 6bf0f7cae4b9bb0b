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
