"""`X-Served-By` names the app server that answered, even for a page another server rendered
into the shared response cache (tests/serving/test_two_servers.py has the two real servers)."""

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("response_cache")]


def test_each_response_names_the_server_that_answered_it_even_from_the_cache(settings, case_study):
    settings.INSTANCE_NAME = "app-a"
    first = Client().get(case_study.url)
    assert first["X-Cache"] == "miss" and first["X-Served-By"] == "app-a"
    # Another server, with the same cache: the stored page is served under its own name.
    settings.INSTANCE_NAME = "app-b"
    second = Client().get(case_study.url)
    assert second["X-Cache"] == "hit" and second["X-Served-By"] == "app-b"
    assert second.content == first.content


def test_no_header_when_the_server_has_no_name(settings, case_study):
    settings.INSTANCE_NAME = ""
    assert "X-Served-By" not in Client().get(case_study.url)
