"""Fixtures for the fault tests: one PostgreSQL cluster for the session (created, migrated and
given a little content once: migrating is most of the cost), gunicorn per test, redis-server
per test. Every one is stopped by its finalizer, whatever the test did."""

import pytest

from .services import (
    AppServer,
    PostgresCluster,
    RedisServer,
    manage,
    postgres_missing,
    redis_missing,
    server_environment,
)

CONTENT = """
from django.contrib.auth import get_user_model
from home.demo import build_page_tree
from tests.factories import make_case_study
home, index = build_page_tree()
for n, title in enumerate(["Mentoring in maths", "Reading partners", "Science outreach"]):
    make_case_study(index, title=title, external_id=f"fault-case-{n}",
                    summary=f"A school and a university ran {title.lower()} together.")
get_user_model().objects.create_superuser("editor", "editor@example.org", "fault-test-password")
"""
TITLES = ["Mentoring in maths", "Reading partners", "Science outreach"]


@pytest.fixture(scope="session")
def fault_cluster():
    """A migrated PostgreSQL cluster of the tests' own (port 18201), with three published case
    studies and an admin `editor`. Tests that stop it start it again before they end."""
    reason = postgres_missing()
    if reason:
        pytest.skip(reason)
    cluster = PostgresCluster()
    try:
        cluster.init()
        cluster.start()
        cluster.create_database()
        env = server_environment(cluster.url(), "", 0)
        manage(env, "migrate", "--noinput")
        manage(env, "shell", "-c", CONTENT)
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture
def cluster_running(fault_cluster):
    """The cluster, started again after the test whatever happened in it."""
    yield fault_cluster
    if not fault_cluster.running():
        fault_cluster.start()


@pytest.fixture
def redis_server():
    reason = redis_missing()
    if reason:
        pytest.skip(reason)
    server = RedisServer()
    try:
        server.start()
        yield server
    finally:
        server.kill()


@pytest.fixture
def start_app(tmp_path):
    """Start gunicorn against the given database (and Redis); stopped at the end of the test."""
    started = []

    def start(database_url, redis_url="", workers=2):
        app = AppServer(database_url, redis_url=redis_url, workers=workers, log_folder=tmp_path)
        started.append(app)
        app.start()
        return app

    try:
        yield start
    finally:
        for app in started:
            app.stop()
