import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def run_dev_admin():
    out = StringIO()
    call_command("ensure_dev_admin", "--url", "http://127.0.0.1:8099/admin/", stdout=out)
    return out.getvalue()


def test_dev_admin_gets_a_new_working_password_each_run(settings):
    settings.DEBUG = True
    first, second = run_dev_admin(), run_dev_admin()
    passwords = [re.search(r"password: (\S+)", text).group(1) for text in (first, second)]
    assert passwords[0] != passwords[1]
    assert "http://127.0.0.1:8099/admin/" in second
    assert authenticate(username="admin", password=passwords[1]) is not None
    assert authenticate(username="admin", password=passwords[0]) is None


def test_dev_admin_is_refused_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        run_dev_admin()
