"""schemathesis against the running API, through its own OpenAPI document at /api/v1/schema/:
no 5xx, and every response (status, content type, headers, body) matches the document, the
errors too: invalid parameters (schemathesis' negative mode), unknown ids, a query string over
the limit, an unacceptable Accept and the rate limiter's 429 each answer a documented status
with a problem document the document describes.

The operations are driven by Hypothesis inside one test (schemathesis' lazy pytest loader does
not run under this pytest), so the database fixture is shared by every generated case."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig

from casestudies.benchmarks.bulk import generate
from casestudies.models import CaseStudyPage
from tests.casestudies.test_reading_lists import make_reading_list
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db


@pytest.fixture
def keep_the_test_connection():
    """The WSGI handler closes database connections at the start and end of each request, as a
    server should; inside a test transaction (PostgreSQL) that would close the test's own
    connection, so, as Django's test client does, leave it open."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def the_schema():
    from django.core.wsgi import get_wsgi_application

    # Invalid input is refused with 400, or 414 when it makes the query string too long (a
    # 1,001-character `q` of non-Latin letters is over 4,000 characters once percent-encoded).
    rejections = {"negative_data_rejection": {"expected-statuses": ["400", "404", "406", "414"]}}
    config = SchemathesisConfig.from_dict({"checks": rejections})
    return schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application(), config=config)


def test_the_api_matches_its_openapi_document(home_page, index_page, keep_the_test_connection):
    generate(index_page, 25, seed=9)
    published = list(CaseStudyPage.objects.live()[:3])
    draft = make_case_study(index_page, publish=False, title="Draft on a list")
    make_reading_list(home_page, [published[0], draft, published[1]], title="A course")
    make_reading_list(home_page, published, title="Another course")
    operations = [result.ok() for result in the_schema().get_all_operations()]
    assert len(operations) == 6
    # Invalid input (negative mode) for every operation that takes parameters.
    runs = [(op, GenerationMode.POSITIVE) for op in operations]
    runs += [(op, GenerationMode.NEGATIVE) for op in operations if op.definition.raw.get("parameters")]
    for operation, mode in runs:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=40,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def check(case):
            # Schemathesis' WSGI transport asks for gzip (as `requests` does) but, unlike
            # `requests`, does not decompress: the cached API answers gzipped to such a client.
            case.call_and_validate(headers={"Accept-Encoding": "identity"})

        check()


def test_the_api_errors_match_its_openapi_document(settings, index_page, case_study, keep_the_test_connection):
    settings.RATE_LIMITS_ENABLED = True
    settings.RATE_LIMITS = [("api", r"^/api/v1/taxonomies/", ["GET"], 1, 60)]
    operations = {result.ok().label: result.ok() for result in the_schema().get_all_operations()}
    listing = operations["GET /api/v1/case-studies/"]
    detail = operations["GET /api/v1/case-studies/{page_id}/"]
    taxonomies = operations["GET /api/v1/taxonomies/"]
    cases = [
        (listing.Case(query={"limit": "0"}), 400),
        (listing.Case(query={"q": "x" * 20_000}), 414),
        (listing.Case(headers={"Accept": "text/csv"}), 406),
        (detail.Case(path_parameters={"page_id": 99_999_999}), 404),
        (taxonomies.Case(), 200),
        (taxonomies.Case(), 429),
    ]
    for case, status in cases:
        response = case.call(headers={"Accept-Encoding": "identity"})  # as above: no gunzip here
        assert response.status_code == status
        if status >= 400:
            headers = {name.lower(): value for name, value in response.headers.items()}
            assert headers["content-type"] in ("application/problem+json", ["application/problem+json"])
        case.validate_response(response)
