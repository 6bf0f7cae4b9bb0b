"""Saving one case study from two requests at the same moment (an autosave and a Submit, say)
never gives a 500 on SQLite: each request has its own connection to one database file, as under
a multi-threaded web server."""

import shutil
import sqlite3
import threading

import pytest
from django.conf import settings
from django.db import connection, connections
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.test import Client
from django.urls import reverse

from evidencebank.settings import base
from tests.casestudies.test_admin import case_study_form
from tests.factories import make_case_study

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's locking only")

ROUNDS = 6


def copy_to_file(path):
    """The test database (in memory) as a file that separate connections can share."""
    target = sqlite3.connect(path)
    connection.ensure_connection()
    connection.connection.backup(target)
    target.close()


def save_repeatedly(path, user, url, form, statuses, start):
    # Production's options (the test settings drop transaction_mode for the in-memory database).
    options = base.DATABASES["default"]["OPTIONS"]
    wrapper = DatabaseWrapper({**settings.DATABASES["default"], "OPTIONS": options, "NAME": str(path)}, alias="default")
    connections["default"] = wrapper  # this thread's own connection, as a server thread has
    client = Client()
    client.force_login(user)
    start.wait()
    try:
        for _ in range(ROUNDS):
            statuses.append(client.post(url, form).status_code)
    finally:
        wrapper.close()


def test_concurrent_saves_of_one_page_never_give_a_500(
    migrated_data_restored, django_db_serialized_rollback, transactional_db, index_page, editor, tmp_path
):
    page = make_case_study(index_page, publish=False)
    path = tmp_path / "bank.sqlite3"
    copy_to_file(path)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    draft = case_study_form(slug=page.slug, title="Saved as a draft")
    submit = {**case_study_form(slug=page.slug, title="Submitted"), "action-submit": "1"}
    statuses, start = [], threading.Barrier(3)
    threads = [
        threading.Thread(target=save_repeatedly, args=(path, editor, url, form, statuses, start))
        for form in (draft, submit, draft)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(statuses) == 3 * ROUNDS
    assert 500 not in statuses and set(statuses) <= {200, 302}, statuses
    shutil.rmtree(tmp_path, ignore_errors=True)
