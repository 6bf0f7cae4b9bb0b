"""Production settings from the environment, checked in a fresh interpreter as an operator
would start the site."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.database_agnostic

ROOT = Path(__file__).resolve().parents[2]
BASE_ENV = {
    "DJANGO_SETTINGS_MODULE": "evidencebank.settings.production",
    "DJANGO_SECRET_KEY": "x" * 60 + "-not-a-real-secret-" + "y" * 10,
    "DJANGO_ALLOWED_HOSTS": "bank.example.org",
}
SHOW = """
import django, json
django.setup()
from django.conf import settings as s
print(json.dumps({
    "redirect": s.SECURE_SSL_REDIRECT, "hsts": s.SECURE_HSTS_SECONDS, "secure_cookie": s.SESSION_COOKIE_SECURE,
    "proxy": s.SECURE_PROXY_SSL_HEADER, "cache": s.CACHES["default"]["BACKEND"],
    "cache_location": s.CACHES["default"].get("LOCATION"), "media": s.STORAGES["default"]["BACKEND"],
    "admins": s.ADMINS, "email": s.EMAIL_BACKEND, "site_url": s.WAGTAILADMIN_BASE_URL,
    "hosts": s.ALLOWED_HOSTS, "tasks": s.TASKS["default"]["BACKEND"], "img_src": s.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
}))
"""


def run(args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "REDIS_URL"}
    environment.update(BASE_ENV)
    for name, value in env.items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def settings_with(**env):
    result = run(["-c", SHOW], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_a_missing_required_variable_stops_start_up_with_one_line_naming_it(name):
    result = run(["manage.py", "check"], **{name: None})
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and "Traceback" not in result.stderr


def test_the_deploy_check_passes_with_production_settings():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr


def test_https_redirect_hsts_and_secure_cookies_by_default():
    found = settings_with()
    assert found["redirect"] is True and found["hsts"] >= 31_536_000 and found["secure_cookie"] is True
    assert found["proxy"] is None
    assert found["site_url"] == "https://bank.example.org"
    assert found["cache"].endswith("LocMemCache") and found["media"].endswith("FileSystemStorage")
    assert found["tasks"] == "django_tasks_db.DatabaseBackend"


def test_every_variable_is_read():
    found = settings_with(
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_PROXY_SSL_HEADER="1",
        DJANGO_SITE_URL="https://evidence.example.org/",
        REDIS_URL="redis://127.0.0.1:6379/3",
        DJANGO_MEDIA_BUCKET="bank-media",
        DJANGO_MEDIA_CUSTOM_DOMAIN="media.example.org",
        DJANGO_ADMINS="Ops Team <ops@example.org>, web@example.org",
        DJANGO_EMAIL_HOST="smtp.example.org",
    )
    assert found["redirect"] is False
    assert found["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert found["site_url"] == "https://evidence.example.org"
    assert found["cache"].endswith("RedisCache") and found["cache_location"] == "redis://127.0.0.1:6379/3"
    assert found["media"] == "storages.backends.s3.S3Storage"
    assert "https://media.example.org" in found["img_src"]
    assert found["admins"] == [["Ops Team", "ops@example.org"], ["web@example.org", "web@example.org"]]
    assert found["email"].endswith("smtp.EmailBackend")


def test_a_malformed_flag_is_one_line_too():
    result = run(["manage.py", "check"], DJANGO_SECURE_SSL_REDIRECT="maybe")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "Configuration error: DJANGO_SECURE_SSL_REDIRECT must be 1 or 0, not 'maybe'."
    ]
