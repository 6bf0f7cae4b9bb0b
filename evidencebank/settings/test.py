import os
import uuid

from .base import *  # noqa: F401,F403

SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
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
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The database task backend's tables, for the tests that run production's `db_worker`
# (tests/faults/); tasks still run in-process unless a test switches TASKS.
INSTALLED_APPS = INSTALLED_APPS + ["django_tasks_db"]  # noqa: F405
MEDIA_ROOT = BASE_DIR / "media" / "test"
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
# Serve static files straight from the source folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Rate limits are switched on by the tests that check them (tests/serving/).
RATE_LIMITS_ENABLED = False
# django-axes likewise (tests/serving/test_lockout.py switches it on); without it,
# authenticate() works with no request, as the dev-admin command and tests use it.
AXES_ENABLED = False
# The response cache returns a stored page without a template context, which most tests read;
# tests/serving/ switch it on and check every kind of invalidation through the rendered HTML.
RESPONSE_CACHE_ENABLED = False
# Wagtail's frontend-cache purge on publish, as production installs it with DJANGO_CDN_PURGE; with
# no WAGTAILFRONTENDCACHE configured it purges nothing (tests/serving/test_scale_out_settings.py
# configures it).
INSTALLED_APPS = INSTALLED_APPS + ["wagtail.contrib.frontend_cache"]
