"""Every error under /api/ is RFC 9457 problem details (`application/problem+json` with `type`,
`title`, `status`, `detail`, `instance`), whoever answers it: the URL conf, the views, Django REST
framework, the query-string limit, the rate limiter, Django's 500 and the 503 of a database out
of reach. Each is asked twice through the production middleware (the second answer could come
from a cache) and checked against the OpenAPI document's Problem schema. The HTML site keeps its
HTML error pages."""

import json

import jsonschema
import pytest
from django.db import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db

LIST = "/api/v1/case-studies/"


@pytest.fixture
def problem_schema(client, index_page):
    document = client.get("/api/v1/schema/?format=json").json()
    # The Problem schema, with the components its $refs point to.
    return dict(document["components"]["schemas"]["Problem"], components=document["components"])


def assert_problem(response, status, problem_schema):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)
    assert {"type", "title", "status", "detail", "instance"} <= set(body)
    assert body["status"] == status and body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    jsonschema.validate(body, problem_schema)
    return body


ERRORS = [
    ("get", "/api/v1/case-studies/abc/", {}, 404),
    ("get", "/api/v1/case-studies/99999999/", {}, 404),
    ("get", "/api/v1/case-studies/99999999999999999999999/", {}, 404),
    ("get", "/api/v1/reading-lists/abc/", {}, 404),
    ("get", "/api/v1/no-such-thing/", {}, 404),
    ("get", "/api/", {}, 404),
    ("get", LIST + "?format=xml", {}, 404),
    ("get", LIST + "?q=" + "x" * 20_000, {}, 414),
    ("get", "/api/v1/no-such-thing/?q=" + "x" * 20_000, {}, 414),
    ("post", LIST, {}, 405),
    ("put", LIST, {}, 405),
    ("patch", "/api/v1/", {}, 405),
    ("delete", "/api/v1/case-studies/1/", {}, 405),
    ("get", LIST, {"HTTP_ACCEPT": "text/csv"}, 406),
    ("get", LIST, {"HTTP_ACCEPT": "application/problem+json"}, 406),
    ("get", "/api/v1/schema/", {"HTTP_ACCEPT": "text/csv"}, 406),
    ("get", LIST + "?limit=abc", {}, 400),
    ("get", "/api/v1/reading-lists/?offset=-5", {}, 400),
]


@pytest.mark.parametrize(("method", "path", "headers", "status"), ERRORS)
def test_every_api_error_is_a_problem_document(client, problem_schema, method, path, headers, status):
    for _ in ("cold", "again"):
        response = getattr(client, method)(path, HTTP_ORIGIN="https://vle.example.ac.uk", **headers)
        body = assert_problem(response, status, problem_schema)
        assert body["instance"] == path.split("?")[0]
        assert response["Access-Control-Allow-Origin"] == "*"  # a page on another site can read it
    if status == 405:
        assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}


def test_a_404_says_where_the_api_starts(client, problem_schema):
    body = assert_problem(client.get("/api/v1/no-such-thing/"), 404, problem_schema)
    assert "/api/v1/" in body["detail"]


def test_a_400_names_each_parameter_at_fault(client, problem_schema):
    body = assert_problem(client.get(LIST + "?limit=abc&sort=sideways"), 400, problem_schema)
    assert {error["name"] for error in body["errors"]} == {"limit", "sort"}


def test_the_rate_limiter_answers_a_problem_document_with_retry_after(settings, client, problem_schema):
    settings.RATE_LIMITS_ENABLED = True
    settings.RATE_LIMITS = [("api", r"^/api/", ["GET"], 1, 60)]
    assert client.get("/api/v1/").status_code == 200
    response = client.get("/api/v1/")
    body = assert_problem(response, 429, problem_schema)
    assert int(response["Retry-After"]) >= 1 and response["Retry-After"] in body["detail"]


@pytest.mark.parametrize(
    ("error", "status"), [(RuntimeError("a bug"), 500), (OperationalError("connection refused"), 503)]
)
def test_a_failure_in_the_api_is_a_problem_document(monkeypatch, problem_schema, error, status):
    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr("api.views.find_for_api", fail)
    response = Client(raise_request_exception=False).get("/api/v1/taxonomies/")
    body = assert_problem(response, status, problem_schema)
    assert "a bug" not in body["detail"] and "connection" not in body["detail"]  # no internals
    if status == 503:
        assert response["Retry-After"] == "30"


def test_every_error_the_api_gives_is_in_its_openapi_document(client, index_page):
    document = client.get("/api/v1/schema/?format=json").json()
    for path, operations in document["paths"].items():
        for operation in operations.values():
            errors = {code for code in operation["responses"] if int(code) >= 400}
            assert {"406", "414", "429", "500", "503"} <= errors, path
            assert ("404" in errors) == ("{page_id}" in path or "taxonomies" in path or path == LIST)
            for code in errors:
                assert set(operation["responses"][code]["content"]) == {"application/problem+json"}
            assert "Retry-After" in operation["responses"]["429"]["headers"]
    assert "405" in document["info"]["description"]


@pytest.mark.parametrize(
    ("path", "status", "media_type"),
    [
        ("/no-such-page/", 404, "text/html"),
        ("/case-studies/?q=" + "x" * 20_000, 414, "text/plain"),
        ("/apiary/", 404, "text/html"),
    ],
)
def test_the_html_site_keeps_its_own_error_pages(client, index_page, path, status, media_type):
    response = client.get(path)
    assert response.status_code == status
    assert response["Content-Type"].startswith(media_type)


@pytest.mark.parametrize(
    "query", ["sort=", "limit=", "offset=%205", "from_year=+2020", "to_year=2020.0", "limit=1e3", "offset=٣"]
)
def test_an_empty_or_loosely_written_value_is_refused_as_the_document_says(client, problem_schema, query):
    """The OpenAPI document says `sort` is one of its orders and the numbers are integers: an
    empty `sort=` or a number with spaces, a plus or other digits is a 400 naming it."""
    body = assert_problem(client.get(f"{LIST}?{query}"), 400, problem_schema)
    assert [error["name"] for error in body["errors"]] == [query.split("=")[0]]
