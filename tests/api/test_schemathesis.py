"""schemathesis against the running API, through its own OpenAPI document at /api/v1/schema/:
no 5xx, and every response (status, content type, headers, body) matches the document.

The operations are driven by Hypothesis inside one test (schemathesis' lazy pytest loader does
not run under this pytest), so the database fixture is shared by every generated case."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from casestudies.benchmarks.bulk import generate

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


def test_the_api_matches_its_openapi_document(index_page, keep_the_test_connection):
    from django.core.wsgi import get_wsgi_application

    generate(index_page, 25, seed=9)
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 4
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=40,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def check(case):
            case.call_and_validate()

        check()
