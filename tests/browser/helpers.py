"""Opening a page state in the browser, running axe-core and the Nu Html Checker."""

import json
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.test import RequestFactory

from evidencebank.serving.errors import server_error, service_unavailable
from evidencebank.serving.throttle import too_many_requests

from .conftest import AXE_JS, VNU_JAR
from .pages import resolve

SERVER_ERROR_PATH = "/__server-error__/"
DATABASE_DOWN_PATH = "/__database-unavailable__/"
TOO_MANY_PATH = "/__too-many-requests__/"
SUBMIT_ERRORS_PATH = "/__submit-errors__/"


def server_error_html():
    """What Django's handler500 sends: the static 500 page, rendered with no database."""
    request = RequestFactory().get(SERVER_ERROR_PATH)
    request.request_id = "0123456789abcdef0123456789abcdef"
    return server_error(request).content.decode()


def database_down_html():
    """What handler500 sends when the database is out of reach: the 503 page."""
    request = RequestFactory().get(DATABASE_DOWN_PATH)
    request.request_id = "0123456789abcdef0123456789abcdef"
    return service_unavailable(request).content.decode()


def too_many_requests_html():
    """What the rate limit sends a page reader (not the API): the static 429 page."""
    return too_many_requests(30, RequestFactory().get(TOO_MANY_PATH)).content.decode()


def submit_errors_html():
    """/submit/ after a post with a missing answer, a bad email and a refused link (a browser
    cannot post it here without the form's CSRF cookie): the error summary and messages."""
    from django.contrib.auth.models import AnonymousUser

    from submissions.views import submit

    data = {"title": "", "email": "not an email", "links": "javascript:alert(1)", "activity": "We teach <b>maths</b>."}
    request = RequestFactory().post("/submit/", data)
    request.user = AnonymousUser()
    request._dont_enforce_csrf_checks = True
    return submit(request).content.decode()


# Pages no request can reach on purpose: (status, HTML), served to the browser as they are.
RENDERED = {
    SERVER_ERROR_PATH: (500, server_error_html),
    DATABASE_DOWN_PATH: (503, database_down_html),
    TOO_MANY_PATH: (429, too_many_requests_html),
    SUBMIT_ERRORS_PATH: (400, submit_errors_html),
}


def open_state(page, state, site):
    """Go to a page state; skip if it is a route that is not built yet."""
    path = resolve(state, site)
    if path in RENDERED:
        status, render = RENDERED[path]
        html = render()
        page.route(
            f"**{path}",
            lambda route: route.fulfill(status=status, body=html, content_type="text/html; charset=utf-8"),
        )
    try:
        response = page.goto(path)
    finally:
        if path in RENDERED:
            page.unroute(f"**{path}")
    if state.skip_if_missing and response.status == 404:
        pytest.skip(f"{path} answers 404: the route is not built on this branch yet")
    assert response.status in state.statuses, f"{path} answered {response.status}"
    return response


def run_axe(page):
    # Evaluated through the DevTools protocol, not as an inline <script>: the site's CSP rightly
    # blocks inline scripts, and the page under test keeps its real policy.
    page.evaluate(AXE_JS.read_text())
    return page.evaluate(
        """async () => {
            const results = await axe.run(document, {
                resultTypes: ["violations"],
                rules: {"target-size": {enabled: true}},
            });
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " :: " + n.failureSummary),
            }));
        }"""
    )


def describe_violations(violations):
    return "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"][:5]) for v in violations
    )


def fetch_state(request_context, state, site):
    """The status and HTML the server sends for a page state, as the validator should see it."""
    path = resolve(state, site)
    if path in RENDERED:
        status, render = RENDERED[path]
        return status, render()
    response = request_context.get(path)
    return response.status, response.text()


def validate_documents(documents):
    """The Nu Html Checker's errors for each named document, from one run of the checker.

    The checker refuses 127.0.0.1 addresses, so it reads the HTML from files, not the server.
    """
    with tempfile.TemporaryDirectory(prefix="evidencebank-vnu-") as folder:
        files = {}
        for number, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"page-{number}.html"
            path.write_text(html, encoding="utf-8")
            files[path.as_uri().replace("file:///", "file:/")] = name
        completed = subprocess.run(
            [
                "java",
                "-jar",
                str(VNU_JAR),
                "--format",
                "json",
                "--exit-zero-always",
                *map(str, sorted(Path(folder).iterdir())),
            ],
            capture_output=True,
            timeout=300,
            check=True,
        )
    report = json.loads(completed.stderr or completed.stdout)
    errors = {name: [] for name in documents}
    for message in report["messages"]:
        if message["type"] == "error" or message.get("subType") == "fatal":
            errors[files[message["url"]]].append(message)
    return errors


FOCUS_IS_VISIBLE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "nothing has focus";
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return "the focused element has no size";
    if (box.bottom < 0 || box.top > window.innerHeight) return "the focused element is off screen";
    const style = getComputedStyle(el);
    const transparent = c => c === "transparent" || /rgba\\(.*,\\s*0\\)$/.test(c);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && !transparent(style.outlineColor);
    const shadow = style.boxShadow !== "none";
    const highlight = style.backgroundColor === "rgb(255, 221, 0)";
    return outline || shadow || highlight ? "" : `no visible focus indicator on ${el.outerHTML.slice(0, 80)}`;
}"""


def assert_focus_visible(page):
    problem = page.evaluate(FOCUS_IS_VISIBLE)
    assert not problem, problem


def tab_to(page, selector, limit=250):
    """Press Tab until the focused element matches `selector`, checking focus is visible on the way."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            assert_focus_visible(page)
            return
    raise AssertionError(f"Tab never reached {selector!r} on {page.url}")
