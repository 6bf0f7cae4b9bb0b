"""What a client receives from the site as deployed: production's middleware (the test settings
keep base.py's MIDDLEWARE unchanged), the response cache on, and production.py's HTTPS settings
as it sets them by default, over HTTPS at the configured site address."""

import re

import pytest
from django.test import Client

SITE = "https://testserver"


@pytest.fixture
def as_deployed(settings):
    # production.py's defaults, which the test settings (built on base.py) do not set.
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.RESPONSE_CACHE_ENABLED = True
    return settings


@pytest.fixture
def reader(as_deployed):
    """A reader's client: HTTPS, no cookies kept between requests (each request is a new visit)."""

    class Reader(Client):
        def get(self, path, data=None, follow=False, secure=True, **extra):
            self.cookies.clear()
            return super().get(path, data, follow, secure, **extra)

    return Reader()


# What may differ between two responses to the same request: per request, or the cache's own label.
PER_REQUEST = {"x-request-id", "x-cache"}


# A form's CSRF token is new for each visitor (such a page is never stored).
CSRF_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]+')


def seen(response):
    """Everything a client sees: status, headers (but the per-request ones) and body, with
    cookies named but not valued and CSRF tokens masked."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    headers = {name.lower(): value for name, value in response.items() if name.lower() not in PER_REQUEST}
    if "no-store" in headers.get("cache-control", ""):
        headers.pop("expires", None)  # "now", stamped afresh on each response that is never stored
    cookies = {name: {k: v for k, v in morsel.items() if k != "expires"} for name, morsel in response.cookies.items()}
    return response.status_code, headers, CSRF_TOKEN.sub(rb"\1(token)", body), cookies
