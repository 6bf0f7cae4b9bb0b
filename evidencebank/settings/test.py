"""Test settings: production's (base.py, which production.py only fills in from the deployment's
environment) with only what a test cannot work without changed, each line saying why.

The response cache is on, as in production: tests assert on what is served. A test that truly
needs the template context asks for the `no_response_cache` fixture (tests/conftest.py).
tests/as_served/ adds production.py's HTTPS settings and checks what a client receives.
"""

import os
import uuid

from .base import *  # noqa: F401,F403

# Production refuses to start without a secret from the environment; tests have no environment.
SECRET_KEY = "test-only-key"
# The test client, live servers and loopback origins (tests/browser/) use hosts of their own.
ALLOWED_HOSTS = ["*"]
# Creating users with production's PBKDF2 costs ~0.3 s each; MD5 keeps the suite fast.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The manifest storage needs `collectstatic` first; tests serve static files from the sources.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True  # likewise: no collected static folder in a test run
WHITENOISE_AUTOREFRESH = True
# Production's cache with no REDIS_URL (local memory, emptied before each test: tests/conftest.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    # CI's PostgreSQL run: the production cache backend, on its own database number and with a
    # prefix of this run's own, so two suites never share keys.
    CACHES = {
        "default": {
            "BACKEND": "evidencebank.serving.cache.FailSoftRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": f"test-{uuid.uuid4().hex[:12]}",
        }
    }
# No task worker runs beside a test: tasks run in-process, at once. The database backend's tables
# are installed (as in production) for the tests that run production's `db_worker` (tests/faults/).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
INSTALLED_APPS = INSTALLED_APPS + ["django_tasks_db"]  # noqa: F405
# Uploads made by tests never land among the real media files.
MEDIA_ROOT = BASE_DIR / "media" / "test"  # noqa: F405
# The admin's links in e-mails point at the test client's host.
WAGTAILADMIN_BASE_URL = "http://testserver"
# The browser tests' live server shares the in-memory test database (shared cache) with the
# test's own open transaction; begun IMMEDIATE, that transaction would lock the server out.
# Production's SQLite options are tested as they are, on a file (test_concurrent_saves.py).
if "transaction_mode" in DATABASES["default"].get("OPTIONS", {}):  # noqa: F405
    DATABASES = {  # a copy: base.DATABASES keeps production's options
        **DATABASES,  # noqa: F405
        "default": {
            **DATABASES["default"],  # noqa: F405
            "OPTIONS": {k: v for k, v in DATABASES["default"]["OPTIONS"].items() if k != "transaction_mode"},  # noqa: F405
        },
    }
# Every test client request comes from one address, so the suite would trip the limits; the
# tests that check them switch them on (tests/serving/).
RATE_LIMITS_ENABLED = False
# django-axes likewise (tests/serving/test_lockout.py switches it on); without it,
# authenticate() works with no request, as the dev-admin command and tests use it.
AXES_ENABLED = False
# Wagtail's frontend-cache purge on publish, as production installs it with DJANGO_CDN_PURGE; with
# no WAGTAILFRONTENDCACHE configured it purges nothing (tests/serving/test_scale_out_settings.py
# configures it).
INSTALLED_APPS = INSTALLED_APPS + ["wagtail.contrib.frontend_cache"]
