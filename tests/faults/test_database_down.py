"""The database stops and starts again under a running site (gunicorn, 2 workers): readers get
the 503 page, /healthz names the database, editors are told their change was not saved, and the
site recovers by itself when the database is back. Prints the recovery figures."""

import http.cookiejar
import json
import re
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from .conftest import TEMPLATE, TITLES
from .services import AppServer, wait_for

READER_PATHS = ["/", "/case-studies/", "/case-studies/?q=reading", "/case-studies/fault-case-1/"]


@pytest.fixture(scope="module")
def app(fault_cluster, tmp_path_factory):
    """One gunicorn (2 workers) for this module's tests, on a database of this module's own
    (both tests only read it); each test leaves the cluster running."""
    fault_cluster.create_database("fault_database_down", template=TEMPLATE)
    server = AppServer(fault_cluster.url("fault_database_down"), log_folder=tmp_path_factory.mktemp("app"))
    try:
        server.start()
        yield server
    finally:
        server.stop()
        fault_cluster.ensure_running()
        fault_cluster.drop_database("fault_database_down")


class Editor:
    """A signed-in editor's browser: cookies and the CSRF token."""

    def __init__(self, app):
        self.app = app
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def open(self, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(f"http://127.0.0.1:{self.app.port}{path}", data=data)
        try:
            response = self.opener.open(request, timeout=10)
        except urllib.error.HTTPError as error:
            response = error
        response.text = response.read().decode("utf-8", "replace")
        return response

    def csrf(self):
        return next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")

    def sign_in(self):
        self.open("/admin/login/")
        form = {"username": "editor", "password": "fault-test-password", "csrfmiddlewaretoken": self.csrf()}
        response = self.open("/admin/login/", form)
        assert response.status == 200 and "sessionid" in {c.name for c in self.jar}, response.text[:500]


def many(app, paths, times=3):
    """The paths fetched concurrently (so both workers serve some), as (path, status) pairs."""
    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(lambda p: (p, app.get(p).status), paths * times))


def assert_the_503_page(response, for_editors=False):
    assert response.status == 503, response.text[:300]
    assert int(response.headers["Retry-After"]) > 0
    assert "no-store" in response.headers["Cache-Control"]
    assert "Traceback" not in response.text and "OperationalError" not in response.text
    assert "<script" not in response.text  # works without JavaScript: there is none
    assert 'class="site-header' in response.text and "/static/css/site.css" in response.text
    heading = "The editor is unavailable for a moment" if for_editors else "Back in a moment"
    assert f"<h1>{heading}</h1>" in response.text
    # The security headers still apply to it.
    assert "default-src" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])
    assert response.headers["X-Request-ID"] in response.text


class Readers(threading.Thread):
    """Readers fetching pages in turn, at most 40 a second, until told to stop (at most 120 s).
    Each result is (time sent, status): a request sent while the database was stopped must get
    the 503 page, one sent after it was started again must succeed."""

    def __init__(self, app):
        super().__init__(daemon=True)
        self.app, self.results, self.done = app, [], threading.Event()

    def run(self):
        deadline = time.monotonic() + 120
        n = 0
        while not self.done.is_set() and time.monotonic() < deadline:
            path = READER_PATHS[n % len(READER_PATHS)]
            started = time.monotonic()
            try:
                status = self.app.get(path, timeout=10).status
            except OSError:
                status = 0
            self.results.append((started, status))  # by when it was sent
            n += 1
            time.sleep(0.025)  # the pace of readers (at most 40 a second), not a wait

    def count_since(self, moment):
        return sum(1 for sent, _ in list(self.results) if sent >= moment)


def test_database_stopped_and_started_again(cluster_running, app):
    cluster = cluster_running
    warm = many(app, READER_PATHS + ["/healthz"])
    assert all(status == 200 for _, status in warm), warm
    editor = Editor(app)
    editor.sign_in()
    page_id = re.search(r"/admin/pages/(\d+)/edit/", editor.open("/admin/pages/").text)

    readers = Readers(app)
    readers.start()
    try:
        wait_for(lambda: readers.count_since(0) >= 5, 20, "some reads before the outage")
        stopped_at = time.monotonic()
        cluster.stop()
        outage_started = time.monotonic()  # pg_ctl stop returned: every session is gone

        # Readers: the 503 page, on every kind of page.
        for path in READER_PATHS:
            assert_the_503_page(app.get(path))
        # Operators: /healthz names the database.
        health = app.get("/healthz")
        assert health.status == 503 and health.headers["Content-Type"] == "application/json"
        body = json.loads(health.text)
        assert "database" in body["down"] and body["status"] == "unavailable"
        assert body["checks"]["cache"]["ok"] and body["checks"]["static"]["ok"]
        # Editors: the admin says so, and a form sent now says it was not saved.
        assert_the_503_page(editor.open("/admin/"), for_editors=True)
        if page_id:
            sent = editor.open(
                f"/admin/pages/{page_id.group(1)}/edit/", {"csrfmiddlewaretoken": editor.csrf(), "title": "Changed"}
            )
            assert_the_503_page(sent, for_editors=True)
            assert "What you just sent was not saved" in sent.text

        # The outage lasts until readers have met it a few times.
        wait_for(lambda: readers.count_since(outage_started) >= 5, 20, "reads during the outage")
        restarting_at = time.monotonic()
        cluster.start()
        returned_at = time.monotonic()
        wait_for(lambda: app.get("/case-studies/").status == 200, 10, "the listing to answer again")
        first_ok = time.monotonic()
        wait_for(lambda: readers.count_since(returned_at) >= 10, 20, "reads after the database returned")
    finally:
        readers.done.set()
        readers.join(15)

    # Recovered by itself: every page, the listing's counts and the health check.
    again = many(app, READER_PATHS + ["/healthz"])
    assert all(status == 200 for _, status in again), again
    listing = app.get("/case-studies/").text
    assert "3 case studies" in listing and all(title in listing for title in TITLES)
    assert "1 case study for “reading”" in app.get("/case-studies/?q=reading").text
    assert editor.open("/admin/").status == 200  # the editor's session survived

    during = [status for t, status in readers.results if outage_started <= t < restarting_at]
    after = [(t, status) for t, status in readers.results if t >= returned_at]
    first_reader_ok = next((t for t, status in after if status == 200), None)
    failed_after = sum(1 for t, status in after if status != 200)
    print(
        f"\nDatabase outage: {returned_at - stopped_at:.1f} s (pg_ctl stop to pg_ctl start returning). "
        f"Reader requests during it: {len(during)}, failed {sum(s != 200 for s in during)} "
        f"(statuses {sorted(set(during))}). Recovery after the database returned: first listing 200 after "
        f"{first_ok - returned_at:.2f} s, first reader 200 after "
        f"{(first_reader_ok - returned_at) if first_reader_ok else float('nan'):.2f} s; "
        f"reader requests failed after it returned: {failed_after} of {len(after)}."
    )
    assert during and all(status == 503 for status in during)
    assert first_reader_ok is not None and first_reader_ok - returned_at < 5
    assert failed_after == 0


def test_a_quick_restart_between_requests_fails_no_request(cluster_running, app):
    """Both workers hold kept connections (CONN_MAX_AGE); the database restarts while no request
    is running. The next requests reconnect (CONN_HEALTH_CHECKS) instead of failing once each."""
    cluster = cluster_running
    warm = many(app, READER_PATHS, times=4)
    assert all(status == 200 for _, status in warm), warm
    cluster.stop()
    cluster.start()
    statuses = many(app, READER_PATHS, times=4)
    print(f"\nAfter a restart between requests: {sum(s != 200 for _, s in statuses)} of {len(statuses)} failed")
    assert all(status == 200 for _, status in statuses), statuses
