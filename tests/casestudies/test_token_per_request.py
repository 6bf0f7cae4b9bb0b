"""The findable-content token is read once per request, however many parts ask for it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casestudies.models import FindableVersion
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db


def token_reads(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return sum("casestudies_findableversion" in q["sql"] for q in queries.captured_queries)


def test_a_listing_reads_the_token_once_for_the_cache_the_facet_index_and_the_site_links(client, index_page):
    make_case_study(index_page)
    assert token_reads(client, index_page.url + "?phase=secondary") == 1


def test_a_publish_inside_a_request_is_seen_by_the_rest_of_that_request():
    from casestudies.models.findable import token_read_once

    with token_read_once():
        before = FindableVersion.current()
        FindableVersion.bump()
        assert FindableVersion.current() != before
