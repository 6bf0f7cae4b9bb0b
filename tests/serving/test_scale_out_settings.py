"""Each scale-out switch of docs/operators.md ("Growing past one machine"), from the environment to the configuration it
makes: production settings imported in a fresh interpreter with a controlled environment, the
resulting settings (and the objects Django and Wagtail build from them) printed as JSON.

Credentials given here are placeholders set only in the child's environment; each test proves
they arrive from there, so none is ever written in the code.
"""

import importlib.util
import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import find_commands

pytestmark = pytest.mark.database_agnostic

ROOT = Path(__file__).resolve().parents[2]
BASE_ENV = {
    "DJANGO_SECRET_KEY": "x" * 60 + "-not-a-real-secret-" + "y" * 10,
    "DJANGO_ALLOWED_HOSTS": "bank.example.org",
}
SEARCH_URLS = "https://bank:from-env@search-1.internal:9200, https://bank:from-env@search-2.internal:9200"
SEARCH_BACKENDS = ["opensearch3", "opensearch2", "elasticsearch8", "elasticsearch9"]
S3_KEYS = {"AWS_ACCESS_KEY_ID": "AKIA-FROM-THE-ENVIRONMENT", "AWS_SECRET_ACCESS_KEY": "secret-from-the-environment"}
CASES = {
    "default": {},
    "redis": {"REDIS_URL": "redis://:from-env@redis.internal:6379/2", "DJANGO_CACHE_KEY_PREFIX": "bank-b"},
    "sessions cache": {"DJANGO_SESSIONS": "cache", "REDIS_URL": "redis://redis.internal:6379/1"},
    "sessions cached_db": {"DJANGO_SESSIONS": "cached_db", "REDIS_URL": "redis://redis.internal:6379/1"},
    "sessions without redis": {"DJANGO_SESSIONS": "cache"},
    "sessions unknown": {"DJANGO_SESSIONS": "memcached"},
    **{
        f"search {name}": {
            "DJANGO_SEARCH_BACKEND": name,
            "DJANGO_SEARCH_URLS": SEARCH_URLS,
            "DJANGO_SEARCH_INDEX_PREFIX": "bank_live_",
        }
        for name in SEARCH_BACKENDS
    },
    "search without urls": {"DJANGO_SEARCH_BACKEND": "opensearch3"},
    "search unknown": {"DJANGO_SEARCH_BACKEND": "solr"},
    "s3": {
        "DJANGO_MEDIA_BUCKET": "bank-media",
        "DJANGO_MEDIA_ENDPOINT_URL": "https://objects.example.net",
        "DJANGO_MEDIA_REGION": "eu-west-2",
        "DJANGO_MEDIA_CUSTOM_DOMAIN": "media.example.org",
        **S3_KEYS,
    },
    "cdn http": {"DJANGO_CDN_PURGE": "http://varnish.internal:6081/"},
    "cdn loopback": {"DJANGO_CDN_PURGE": "http://127.0.0.1:18420/"},
    "cdn cloudflare": {
        "DJANGO_CDN_PURGE": "cloudflare",
        "DJANGO_CDN_CLOUDFLARE_ZONE_ID": "zone-from-env",
        "DJANGO_CDN_CLOUDFLARE_TOKEN": "token-from-env",
    },
    "cdn cloudfront": {
        "DJANGO_CDN_PURGE": "cloudfront",
        "DJANGO_CDN_CLOUDFRONT_DISTRIBUTION_ID": "E2FROMENV",
        "AWS_ACCESS_KEY_ID": "AKIA-CLOUDFRONT-FROM-ENV",
        "AWS_SECRET_ACCESS_KEY": "secret-from-the-environment",
    },
    "cdn cloudflare without keys": {"DJANGO_CDN_PURGE": "cloudflare"},
    "cdn cloudfront without id": {"DJANGO_CDN_PURGE": "cloudfront"},
    "cdn unknown": {"DJANGO_CDN_PURGE": "akamai"},
    "instance": {"DJANGO_INSTANCE_NAME": "app-b"},
}


@pytest.fixture(scope="module")
def configured():
    """Every case's configuration, from one fresh interpreter (tests/serving/show_settings.py)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "serving" / "show_settings.py")],
        cwd=ROOT,
        input=json.dumps({"base": BASE_ENV, "cases": CASES}),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def refusal(configured, case):
    error = configured[case].get("error")
    assert error and error.startswith("Configuration error: ") and len(error.splitlines()) == 1, configured[case]
    return error


def test_by_default_one_machine_needs_nothing_else(configured):
    found = configured["default"]
    assert found["session_engine"] == "django.contrib.sessions.backends.db"
    assert found["search"]["BACKEND"] == "wagtail.search.backends.database"
    assert found["frontend_cache"] is None and not found["frontend_cache_installed"] and found["purgers"] == {}
    # The file system, through the storage that never leaves half a file (editorial/media.py).
    assert found["storage"] == "editorial.media.CleanFileSystemStorage"
    assert found["instance"] == ""


def test_redis_is_the_cache_every_server_shares_for_pages_and_rate_limits(configured):
    cache = configured["redis"]["cache"]
    # Django's RedisCache, failing soft when Redis is out of reach (evidencebank/serving/cache.py).
    assert cache["BACKEND"] == "evidencebank.serving.cache.FailSoftRedisCache"
    assert cache["LOCATION"] == "redis://:from-env@redis.internal:6379/2"
    assert cache["KEY_PREFIX"] == "bank-b"


@pytest.mark.parametrize("choice", ["cache", "cached_db"])
def test_sessions_in_redis(configured, choice):
    found = configured[f"sessions {choice}"]
    assert found["session_engine"] == f"django.contrib.sessions.backends.{choice}"
    # The session store is the shared Redis, never one process's memory.
    assert found["cache"]["BACKEND"].endswith("RedisCache")
    assert found["cache"]["LOCATION"] == "redis://redis.internal:6379/1"


def test_sessions_in_the_cache_without_redis_stop_start_up_with_one_line(configured):
    assert "REDIS_URL is not set" in refusal(configured, "sessions without redis")
    assert "DJANGO_SESSIONS must be one of database, cache, cached_db" in refusal(configured, "sessions unknown")


@pytest.mark.parametrize("choice", SEARCH_BACKENDS)
def test_full_text_search_moves_to_opensearch_or_elasticsearch(configured, choice):
    module = f"wagtail.search.backends.{choice}"
    assert configured[f"search {choice}"]["search"] == {
        "BACKEND": module,
        "URLS": ["https://bank:from-env@search-1.internal:9200", "https://bank:from-env@search-2.internal:9200"],
        "INDEX_PREFIX": "bank_live_",
        "TIMEOUT": 5,
    }
    # A backend Wagtail 7.4 itself ships (its client library is installed only when switching).
    assert importlib.util.find_spec(module) is not None


def test_a_search_backend_without_its_address_stops_start_up_with_one_line(configured):
    assert "DJANGO_SEARCH_URLS is not set" in refusal(configured, "search without urls")
    assert "DJANGO_SEARCH_BACKEND must be one of" in refusal(configured, "search unknown")


def test_media_on_s3_compatible_storage_with_credentials_from_the_environment(configured):
    found = configured["s3"]
    assert found["storage"] == "storages.backends.s3.S3Storage"
    assert found["s3"] == {
        "bucket": "bank-media",
        "endpoint": "https://objects.example.net",
        "region": "eu-west-2",
        "access_key": "AKIA-FROM-THE-ENVIRONMENT",
        "custom_domain": "media.example.org",
    }


def test_cdn_purge_through_an_http_cache(configured):
    found = configured["cdn http"]
    assert found["frontend_cache_installed"]
    assert found["frontend_cache"] == {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://varnish.internal:6081/",
        }
    }
    assert found["purgers"]["default"]["class"] == "HTTPBackend"
    assert found["purgers"]["default"]["cache_netloc"] == "varnish.internal:6081"


def test_cdn_purge_through_cloudflare_with_its_token_from_the_environment(configured):
    purger = configured["cdn cloudflare"]["purgers"]["default"]
    assert purger["class"] == "CloudflareBackend"
    assert purger["cloudflare_zoneid"] == "zone-from-env" and purger["cloudflare_token"] == "token-from-env"


def test_cdn_purge_through_cloudfront_with_boto3_credentials_from_the_environment(configured):
    purger = configured["cdn cloudfront"]["purgers"]["default"]
    assert purger["class"] == "CloudfrontBackend"
    assert purger["cloudfront_distribution_id"] == "E2FROMENV"
    assert purger["access_key"] == "AKIA-CLOUDFRONT-FROM-ENV"


def test_a_cdn_without_its_keys_or_of_an_unknown_kind_stops_start_up_with_one_line(configured):
    assert "DJANGO_CDN_CLOUDFLARE_ZONE_ID is not set" in refusal(configured, "cdn cloudflare without keys")
    assert "DJANGO_CDN_CLOUDFRONT_DISTRIBUTION_ID is not set" in refusal(configured, "cdn cloudfront without id")
    assert "DJANGO_CDN_PURGE must be cloudflare, cloudfront or an http(s) address" in refusal(configured, "cdn unknown")


def test_the_task_worker_runs_as_its_own_process_from_the_database_queue(configured):
    assert configured["default"]["tasks"] == "django_tasks_db.DatabaseBackend"
    assert configured["default"]["task_worker_installed"]
    # `manage.py db_worker`, the worker's own command, comes with that app.
    package = Path(importlib.util.find_spec("django_tasks_db").origin).parent
    assert "db_worker" in find_commands(str(package / "management"))


def test_each_app_server_names_itself(configured):
    assert configured["instance"]["instance"] == "app-b"


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.server.purged.append((self.path, self.headers["Host"]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    """A tiny HTTP cache stand-in on a loopback port, recording every PURGE it receives."""
    server = ThreadingHTTPServer(("127.0.0.1", 18420), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.mark.django_db
def test_a_publish_and_an_unpublish_send_a_purge_to_the_cdn(
    configured, purge_server, settings, case_study, django_capture_on_commit_callbacks
):
    # The configuration production settings make from DJANGO_CDN_PURGE, used as it is.
    settings.WAGTAILFRONTENDCACHE = configured["cdn loopback"]["frontend_cache"]
    case_study.summary = "A changed summary the CDN must not keep serving the old version of."
    with django_capture_on_commit_callbacks(execute=True):
        case_study.save_revision().publish()
    path = case_study.url
    host = case_study.get_site().hostname
    assert (path, host) in purge_server.purged
    purge_server.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case_study.unpublish()
    assert (path, host) in purge_server.purged
