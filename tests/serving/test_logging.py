"""Unhandled exceptions: one JSON line with the traceback and request id; the 500 page shows it."""

import io
import json
import logging
import logging.config

import pytest
from django.test import Client
from django.urls import path

from evidencebank import urls as site_urls
from evidencebank.serving.logs import configure_structlog, logging_config

pytestmark = pytest.mark.database_agnostic


def boom(request):
    raise RuntimeError("the kettle is on fire")


urlpatterns = [path("boom/", boom), *site_urls.urlpatterns]
handler500 = "evidencebank.serving.errors.server_error"


@pytest.fixture
def json_log():
    configure_structlog()
    formatter = logging.config.DictConfigurator(logging_config()).configure_formatter(
        logging_config()["formatters"]["json"]
    )
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


@pytest.mark.urls("tests.serving.test_logging")
def test_an_unhandled_exception_is_logged_with_traceback_and_request_id(json_log, db):
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    html = response.content.decode()
    assert request_id in html and "Traceback" not in html and "kettle" not in html
    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    assert len(lines) == 1
    event = lines[0]
    assert event["request_id"] == request_id and event["level"] == "error"
    assert "RuntimeError: the kettle is on fire" in event["exception"]
    assert "Traceback" in event["exception"]


def test_a_sane_request_id_from_the_proxy_is_kept_and_a_bad_one_replaced(client, db):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="proxy-id-12345678")["X-Request-ID"] == "proxy-id-12345678"
    replaced = client.get("/healthz", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert replaced != "<script>" and len(replaced) == 32
