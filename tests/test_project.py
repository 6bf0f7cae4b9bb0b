from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_models_and_migrations_are_in_step():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_make_run_gives_the_admin_the_address_it_serves_on(tmp_path):
    """The preview's links and the notification e-mails point at the development server's own
    host and port: `make run` passes them as DJANGO_SITE_URL (a stand-in python prints it)."""
    import os
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    python = venv / "bin" / "python"
    python.write_text('#!/bin/sh\necho "$2 site=$DJANGO_SITE_URL"\n')
    python.chmod(0o755)
    (venv / ".installed").touch()
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SITE_URL"}
    out = subprocess.run(
        ["make", "-s", "run", f"VENV={venv}", "HOST=127.0.0.1", "PORT=8123"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "runserver site=http://127.0.0.1:8123" in out


def test_the_admin_base_url_and_senders_follow_the_environment():
    import os
    import subprocess
    import sys

    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.WAGTAILADMIN_BASE_URL, s.DEFAULT_FROM_EMAIL, s.SERVER_EMAIL, s.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "evidencebank.settings.dev",
        "DJANGO_SITE_URL": "http://127.0.0.1:8123",
        "DJANGO_DEFAULT_FROM_EMAIL": "bank@example.org",
    }
    env.pop("WAGTAILADMIN_BASE_URL", None)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["http://127.0.0.1:8123", "bank@example.org", "bank@example.org", "bank@example.org"]
