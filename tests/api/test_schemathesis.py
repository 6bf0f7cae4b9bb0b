"""schemathesis against the running API, through its own OpenAPI document at /api/v1/schema/:
no 5xx, and every response (status, content type, headers, body) matches the document.

The operations are driven by Hypothesis inside one test (schemathesis' lazy pytest loader does
not run under this pytest), so the database fixture is shared by every generated case."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

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


def test_the_api_matches_its_openapi_document(home_page, index_page, keep_the_test_connection):
    from django.core.wsgi import get_wsgi_application

    generate(index_page, 25, seed=9)
    published = list(CaseStudyPage.objects.live()[:3])
    draft = make_case_study(index_page, publish=False, title="Draft on a list")
    make_reading_list(home_page, [published[0], draft, published[1]], title="A course")
    make_reading_list(home_page, published, title="Another course")
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 6
    for operation in operations:

        @given(case=operation.as_strategy())
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
