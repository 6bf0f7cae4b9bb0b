"""The Nu Html Checker reports no error on any page type or state."""

import pytest

from .helpers import fetch_state, validate_documents
from .pages import PAGE_STATES

pytestmark = [pytest.mark.browser, pytest.mark.checkers]


@pytest.fixture(scope="session")
def validated(_shared_context, demo_site, django_db_blocker):
    """Every state's status and the checker's errors; one checker run (a JVM start) for all."""
    with django_db_blocker.unblock():
        fetched = {state.name: fetch_state(_shared_context.request, state, demo_site) for state in PAGE_STATES}
    errors = validate_documents({name: html for name, (status, html) in fetched.items()})
    return {name: (status, errors[name]) for name, (status, html) in fetched.items()}


@pytest.mark.parametrize("state", PAGE_STATES, ids=str)
def test_html_is_valid(validated, site, state):
    status, errors = validated[state.name]
    if state.skip_if_missing and status == 404:
        pytest.skip(f"{state.path} answers 404: the route is not built on this branch yet")
    assert status in state.statuses, f"{state.path} answered {status}"
    assert not errors, f"The Nu Html Checker found errors on {state}:\n" + "\n".join(
        f"- line {e.get('lastLine')}: {e['message']} :: {e.get('extract', '').strip()[:120]}" for e in errors
    )
