"""The rate limit's refusals as a real HTTP client sees them, through a real server on its own
port: the open API answers RFC 9457 problem details (type, title, status, detail) with
Retry-After and its CORS header, like its other errors; the site's pages answer an HTML page."""

import json
import threading
import urllib.error
import urllib.request
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from django.core.wsgi import get_wsgi_application

from tests.serving.test_throttle import limit

pytestmark = pytest.mark.usefixtures("rate_limits")

PORTS = range(18500, 18600)


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def free_server(app):
    for port in PORTS:
        try:
            return make_server("127.0.0.1", port, app, server_class=WSGIServer, handler_class=QuietHandler)
        except OSError:
            continue
    raise RuntimeError("No free port in 18500-18599")


@pytest.fixture
def server(settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
    httpd = free_server(get_wsgi_application())
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


def get(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()  # names case-insensitive
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def refused(url, **headers):
    """Ask until refused (the limit is 0 requests, so the first is), return the refusal."""
    status, headers_, body = get(url, **headers)
    assert status == 429, (url, status)
    return headers_, body


def test_the_api_refuses_with_problem_details_and_retry_after(settings, server):
    limit(settings, "api", 0)
    for path in ("/api/v1/case-studies/?phase=secondary", "/api/v1/reading-lists/", "/api/v1/"):
        headers, body = refused(server + path, Origin="https://vle.example.ac.uk")
        assert headers["Content-Type"] == "application/problem+json"
        problem = json.loads(body)
        assert problem["type"] == "about:blank" and problem["title"] == "Too Many Requests"
        assert problem["status"] == 429 and "wait" in problem["detail"].lower()
        assert 1 <= int(headers["Retry-After"]) <= 60
        assert headers["Cache-Control"] == "no-store"
        assert headers["Access-Control-Allow-Origin"] == "*"  # a script on a learning platform can read it


def test_the_sites_pages_refuse_with_the_html_page(settings, server):
    limit(settings, "download", 0)
    headers, body = refused(server + "/case-studies/download/csv/")
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    html = body.decode()
    assert "<h1>Too many requests</h1>" in html and 'lang="en-GB"' in html
    assert 1 <= int(headers["Retry-After"]) <= 60
