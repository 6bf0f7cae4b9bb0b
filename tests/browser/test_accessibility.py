"""axe-core finds no accessibility problem, of any impact, on any page type or state."""

import pytest

from .helpers import describe_violations, open_state, run_axe
from .pages import PAGE_STATES

pytestmark = [pytest.mark.browser, pytest.mark.checkers]


@pytest.mark.parametrize("state", PAGE_STATES, ids=str)
def test_axe_finds_no_violations(page, site, state):
    open_state(page, state, site)
    violations = run_axe(page)
    assert not violations, f"axe found problems on {state}:\n{describe_violations(violations)}"


@pytest.mark.parametrize("state", PAGE_STATES, ids=str)
def test_page_reflows_at_320_pixels_without_sideways_scrolling(narrow_page, site, state):
    open_state(narrow_page, state, site)
    overflow = narrow_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{state} is {overflow}px wider than a 320px screen"
