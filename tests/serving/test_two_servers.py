"""Two gunicorn instances behind Debian's nginx, sharing one PostgreSQL database and one Redis:
the scenario of scripts/two_servers.py, run for real on loopback ports 18410-18413.

A moderator publishes a changed case study through the balancer (the admin's edit form, signed
in with a session kept in the shared Redis); every read after it, on both servers, from the
shared response cache and past it (from each worker's own facet index), shows the new summary
and the new region counts. Then one server stops and every read still succeeds on the other.
"""

import importlib.util
import os
import secrets
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connection, connections

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("two_servers", ROOT / "scripts" / "two_servers.py")
two_servers = importlib.util.module_from_spec(spec)
spec.loader.exec_module(two_servers)

PORT, APP_PORTS, REDIS_PORT = 18410, (18411, 18412), 18413
# .ci/run sets this, so a missing nginx or redis-server fails CI instead of skipping.
REQUIRED = os.environ.get("TWO_SERVER_TEST") == "required"


def missing_tools():
    for tool, package in ((two_servers.NGINX, "nginx"), (two_servers.REDIS_SERVER, "redis-server")):
        if not shutil.which(tool):
            return f"{tool} is not installed (apt-get install {package})"
    return None


@pytest.fixture(scope="module")
def database_url(request, django_db_setup, django_db_blocker):
    """A database of the servers' own, copied from the migrated test database in a second.
    Module-scoped, so it is made before the test's own transaction opens a connection (a
    template database must have no other session)."""
    if connection.vendor != "postgresql":
        pytest.skip("two app servers need one database both can reach: run with DATABASE_URL=postgres://…")
    missing = missing_tools()
    if missing:
        if REQUIRED:
            pytest.fail(f"TWO_SERVER_TEST=required but {missing}")
        pytest.skip(missing)
    settings = connection.settings_dict
    template = settings["NAME"]
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    url = f"postgres://{settings['USER']}{password}@{host}:{port}/{template}_two_servers"
    with django_db_blocker.unblock():
        connections.close_all()
        two_servers.drop_database(url)
        two_servers.create_database(url, template=template)
    request.addfinalizer(lambda: two_servers.drop_database(url))
    return url


@pytest.fixture
def servers(request, database_url, tmp_path):
    url = database_url
    cluster = two_servers.TwoServers(tmp_path, url, PORT, APP_PORTS, REDIS_PORT, workers=2)
    request.addfinalizer(cluster.close)  # before anything starts: whatever started is stopped
    password = secrets.token_urlsafe(16)
    cluster.start_redis()
    # Migrating applies only what production adds to the test settings (the task queue).
    site = two_servers.prepare(cluster.env, password, migrate=True)
    two_servers.collect_static(cluster.env)
    cluster.start_apps()
    cluster.start_nginx()
    return cluster, site, password


@pytest.mark.django_db  # so that the test database exists to copy, when this test runs alone
def test_a_publish_through_one_server_is_seen_on_both_and_one_server_down_is_no_outage(servers):
    cluster, site, password = servers
    lines = []
    try:
        summary = two_servers.run_scenario(cluster, site, password, reads=24, after_stop=8, say=lines.append)
    except two_servers.Failed as failure:
        pytest.fail(f"{failure}\n" + "\n".join(lines) + "\n" + cluster.log_tail())
    story = "\n".join(lines)
    after = [e for e in summary["events"] if e["stage"] == "after publish"]
    # The moderator's requests went to both servers (the session is in the shared Redis).
    assert {server for _, server, _ in summary["moderator_requests"]} == set(two_servers.INSTANCES), story
    assert len(after) >= 20 and all(e["status"] == 200 for e in after), story
    assert summary["after_publish_stale"] == 0, story
    page_path, index_path = urlsplit(site["page_url"]).path, urlsplit(site["index_url"]).path
    for path in (page_path, index_path):
        # Each page was read on both servers, from the shared cache and past it.
        reads = [e for e in after if e["path"] == path]
        assert {e["server"] for e in reads} == set(two_servers.INSTANCES), story
        assert {"hit", "bypass"} <= {e["cache"] for e in reads}, story
    # A page rendered by one server is served from the cache by the other.
    assert summary["after_publish_cache"].get("hit", 0) >= 4, story
    alone = [e for e in summary["events"] if e["stage"] == "one server"]
    assert len(alone) == 8 and summary["one_server_failed"] == 0 and summary["one_server_stale"] == 0, story
    assert summary["one_server_servers"] == [two_servers.INSTANCES[0]], story
