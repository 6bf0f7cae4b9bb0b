"""Fixtures for the fault tests: one PostgreSQL cluster and one redis-server for the session,
each test with a database of its own copied from a migrated template, and gunicorn per test.
Every service is stopped at the end of the session, whatever the tests did; a test that stops
PostgreSQL or kills Redis has it started again after it.

The cluster is built (initdb, migrate, a little content) in a thread of its own from the moment
the fault tests are collected, so that migrating it, most of its cost, overlaps the tests that
run before them: the work is done by subprocesses, so the thread holds no lock the tests need.

Killed imports and publishes: real processes, killed with SIGKILL, sharing the test's database.

`shared_database` gives a second process the test database: PostgreSQL's test database by name;
with SQLite, the test database is in memory, so it is copied to a file for the other process
(`push`) and the file copied back afterwards (`pull`), with SQLite's backup API, which also
rolls back whatever a killed process left half written (its hot journal), as a restart would.
"""

import os
import selectors
import signal
import sqlite3
import subprocess
import sys
import threading
from itertools import count
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from .services import (
    AppServer,
    PostgresCluster,
    RedisServer,
    _postgres_missing,
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


TEMPLATE = "fault_template"


class ClusterBuild:
    """The cluster and its template database, built in a thread of its own."""

    started = None  # the session's build, once the fault tests are collected

    def __init__(self):
        self.cluster, self.error = None, None
        self.thread = threading.Thread(target=self.build, name="fault-cluster", daemon=True)
        self.thread.start()

    def build(self):
        try:
            self.cluster = PostgresCluster()
            self.cluster.init()
            self.cluster.start()
            self.cluster.create_database(TEMPLATE)
            env = server_environment(self.cluster.url(TEMPLATE), "", 0)
            manage(env, "migrate", "--noinput")
            manage(env, "shell", "-c", CONTENT)
        except BaseException as error:  # a skip or a failure, raised again in the test
            self.error = error

    def result(self):
        self.thread.join(900)  # a hang guard only: the test waits on the build, not on time
        if self.thread.is_alive():
            pytest.fail("the fault tests' PostgreSQL cluster was not built in 15 minutes")
        if self.error is not None:
            raise self.error
        return self.cluster

    def destroy(self):
        self.thread.join(900)
        if self.cluster is not None:
            self.cluster.destroy()


def pytest_collection_finish(session):
    wanted = any("fault_cluster" in getattr(item, "fixturenames", ()) for item in session.items)
    if wanted and ClusterBuild.started is None and _postgres_missing() is None:
        ClusterBuild.started = ClusterBuild()


def pytest_sessionfinish(session):
    if ClusterBuild.started is not None:
        ClusterBuild.started.destroy()
        ClusterBuild.started = None


@pytest.fixture(scope="session")
def fault_cluster():
    """A PostgreSQL cluster of the tests' own (port 18201) holding the template: migrated, with
    three published case studies and an admin `editor`. Tests that stop it get it started again."""
    reason = postgres_missing()
    if reason:
        pytest.skip(reason)
    if ClusterBuild.started is None:  # not collected as a fault test (a fixture of another)
        ClusterBuild.started = ClusterBuild()
    return ClusterBuild.started.result()


@pytest.fixture
def cluster_running(fault_cluster):
    """The cluster, started again after the test whatever happened in it."""
    yield fault_cluster
    fault_cluster.ensure_running()


_database_numbers = count(1)


@pytest.fixture
def fault_database(cluster_running):
    """The address of a database of this test's own on the cluster, a copy of the template."""
    name = f"fault_{next(_database_numbers)}"
    cluster_running.create_database(name, template=TEMPLATE)
    yield cluster_running.url(name)
    cluster_running.ensure_running()
    cluster_running.drop_database(name)


@pytest.fixture(scope="session")
def fault_redis():
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
def redis_server(fault_redis):
    """The session's redis-server (port 18202), empty at the start of the test and running again
    after it if the test killed it."""
    if not fault_redis.running():
        fault_redis.start()
    fault_redis.flush()
    yield fault_redis
    if not fault_redis.running():
        fault_redis.start()


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


# Killed imports and publishes (test_killed_import.py, test_killed_publish.py).

BASE_DIR = Path(__file__).resolve().parents[2]


class SharedDatabase:
    def __init__(self, folder):
        settings = connection.settings_dict
        self.copy = None
        if connection.vendor == "sqlite":
            if connection.is_in_memory_db():
                self.copy = folder / "shared.sqlite3"
                self.url = f"sqlite:///{self.copy}"
            else:
                self.url = f"sqlite:///{Path(settings['NAME']).resolve()}"
        else:
            user = quote(settings["USER"] or "")
            password = f":{quote(settings['PASSWORD'])}" if settings["PASSWORD"] else ""
            host = f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
            self.url = f"postgres://{user}{password}@{host}/{quote(settings['NAME'])}"

    def push(self):
        """Make what this test wrote visible to the other process."""
        if self.copy is not None:
            connection.ensure_connection()
            target = sqlite3.connect(self.copy)
            try:
                connection.connection.backup(target)
            finally:
                target.close()

    def pull(self):
        """Make what the other process committed visible to this test."""
        if self.copy is not None:
            source = sqlite3.connect(self.copy)
            try:
                source.backup(connection.connection)
            finally:
                source.close()


class Process:
    """python -m tests.faults.process ARGS, on the shared database."""

    def __init__(self, database, args, folder):
        env = {**os.environ, "DATABASE_URL": database.url, "DJANGO_SETTINGS_MODULE": "evidencebank.settings.test"}
        env.pop("TEST_DATABASE_NAME", None)
        self.stderr_path = folder / f"process-{len(list(folder.glob('process-*')))}.err"
        with open(self.stderr_path, "w") as stderr:
            self.popen = subprocess.Popen(
                [sys.executable, "-m", "tests.faults.process", *args],
                cwd=BASE_DIR,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
            )

    @property
    def errors(self):
        return self.stderr_path.read_text()

    def wait_for_line(self, expected, limit=120):
        """Read standard output until a line starts with `expected` (the limit only guards
        against a hang: the test waits on the line, not on time)."""
        with selectors.DefaultSelector() as selector:
            selector.register(self.popen.stdout, selectors.EVENT_READ)
            while selector.select(timeout=limit):
                line = self.popen.stdout.readline()
                if not line:
                    break
                if line.startswith(expected):
                    return line.strip()
        self.kill()
        pytest.fail(f"the process never said {expected}; its errors:\n{self.errors[-3000:]}")

    def kill(self):
        if self.popen.poll() is None:
            os.kill(self.popen.pid, signal.SIGKILL)
        self.popen.wait()  # reaped: its pid is gone, as after any crash
        return self.popen.returncode

    def finish(self):
        out, _ = self.popen.communicate(timeout=300)
        return self.popen.returncode, out


@pytest.fixture
def shared_database(migrated_data_restored, django_db_serialized_rollback, transactional_db, tmp_path):
    """The test database, committed as the test goes (a transactional test), so that another
    process sees it."""
    return SharedDatabase(tmp_path)


@pytest.fixture
def start_process(shared_database, tmp_path):
    started = []

    def start(*args):
        shared_database.push()
        process = Process(shared_database, args, tmp_path)
        started.append(process)
        return process

    yield start
    for process in started:
        process.kill()
