"""Story images load in a modern format at a sensible size, lazily, without moving the text."""

import pytest

pytestmark = pytest.mark.browser

LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(total), 300);
})"""


def test_story_image_loads_as_avif_or_webp_without_layout_shift(page, site):
    page.goto(site["paths"]["rich_case_study"])
    image = page.locator(".story-image img")
    assert image.get_attribute("loading") == "lazy"
    assert image.get_attribute("width") and image.get_attribute("height")
    image.scroll_into_view_if_needed()
    page.wait_for_function("(img => img.complete && img.naturalWidth > 0)(document.querySelector('.story-image img'))")
    source = image.evaluate("img => img.currentSrc")
    assert source.split("?")[0].endswith((".avif", ".webp")), source
    rendered_width = image.evaluate("img => img.getBoundingClientRect().width")
    assert image.evaluate("img => img.naturalWidth") >= rendered_width  # sharp, not upscaled
    assert page.evaluate(LAYOUT_SHIFT) < 0.01
