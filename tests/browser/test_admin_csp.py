"""The Wagtail admin works under its Content-Security-Policy: an editor logs in and edits a case
study in Chromium with no CSP violation reported by the page or in the console."""

import pytest
from playwright.sync_api import expect

from .conftest import block_third_parties, serve_media

pytestmark = pytest.mark.browser

WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline') + ' ' + event.sourceFile + ':' + event.lineNumber);
});
"""


def test_an_editor_logs_in_and_edits_a_case_study_with_no_csp_violation(browser, site):
    """The test itself touches no table (the editor and the page id come from `demo_site`), so
    its transaction holds no SQLite lock against the live server's save."""
    page_id = site["ids"]["case_study"]
    context = browser.new_context(base_url=site["url"], viewport={"width": 1280, "height": 900})
    serve_media(context, site)
    leaked = block_third_parties(context, site)
    context.add_init_script(WATCH_VIOLATIONS)
    console = []
    tab = context.new_page()
    tab.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    try:
        username, password = site["editor"]
        tab.goto("/admin/login/")
        tab.get_by_label("Username").fill(username)
        tab.get_by_label("Password").fill(password)
        tab.get_by_role("button", name="Sign in").click()
        tab.wait_for_url("**/admin/")
        policy = tab.evaluate("() => fetch('/admin/').then(r => r.headers.get('content-security-policy'))")
        assert "script-src 'self'" in policy and "'unsafe-eval'" not in policy

        tab.goto(f"/admin/pages/{page_id}/edit/")
        title = tab.locator("#id_title")
        expect(title).to_be_visible()
        title.fill(title.input_value() + " (edited in the CSP test)")
        tab.get_by_role("tab", name="Partners").click()
        expect(tab.get_by_role("tabpanel", name="Partners")).to_be_visible()
        tab.get_by_role("tab", name="Story").click()
        tab.get_by_role("button", name="Save draft").click()
        expect(tab.locator(".messages")).to_contain_text("has been updated")

        violations = tab.evaluate("() => window.__cspViolations")
        policy_messages = [line for line in console if "Content Security Policy" in line or "Refused to" in line]
        assert violations == [] and policy_messages == [], violations + policy_messages
        assert not leaked, leaked
    finally:
        context.close()
