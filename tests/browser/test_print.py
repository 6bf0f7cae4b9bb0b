"""A case study prints on A4 without navigation, with the addresses of its links shown."""

import pytest

pytestmark = pytest.mark.browser


def test_case_study_prints_on_a4_without_navigation_and_with_link_addresses(new_context, site):
    page = new_context().new_page()
    page.goto(site["paths"]["rich_case_study"])
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".breadcrumbs", ".contents", ".skip-link", ".related"):
        assert not page.locator(hidden).is_visible(), f"{hidden} should not print"
    assert page.locator("h1").is_visible() and page.locator(".at-a-glance").is_visible()
    source = page.locator(".source-list li").first
    assert "https://example.org/evaluation" in source.inner_text()
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF")
