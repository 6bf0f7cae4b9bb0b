"""Real services for the fault tests, each on its own loopback port and always stopped: a
PostgreSQL cluster in a temporary folder (initdb/pg_ctl), a redis-server, and gunicorn serving
the site. Nothing here mocks a client library: the faults are real stopped servers."""

import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
# Ports of this area (18200-18299).
POSTGRES_PORT = 18201
REDIS_PORT = 18202
APP_PORT = 18210


def wait_for(condition, timeout, what, interval=0.05):
    """Poll `condition` until it returns something true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


def port_is_free(port):
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def require_free(port):
    if not port_is_free(port):
        pytest.fail(f"port {port} is taken: a service left over from an earlier run? (ss -ltnp | grep {port})")


# -- PostgreSQL ---------------------------------------------------------------------------------
def postgres_bin(name):
    """Debian's PostgreSQL keeps its programs in /usr/lib/postgresql/<version>/bin; the newest."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    return candidates[-1] if candidates else None


def postgres_missing():
    """Why the PostgreSQL fault tests cannot run here, or None. With FAULT_TESTS=required (CI)
    a missing program fails the run instead of skipping."""
    reason = _postgres_missing()
    if reason and os.environ.get("FAULT_TESTS") == "required":
        pytest.fail(f"FAULT_TESTS=required: {reason}")
    return reason


def redis_missing():
    reason = None if shutil.which("redis-server") else "redis-server not found: apt-get install redis-server"
    if reason and os.environ.get("FAULT_TESTS") == "required":
        pytest.fail(f"FAULT_TESTS=required: {reason}")
    return reason


def _postgres_missing():
    missing = [name for name in ("initdb", "pg_ctl", "postgres") if not postgres_bin(name)]
    if missing:
        return f"PostgreSQL server programs not found ({', '.join(missing)}): apt-get install postgresql"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return "running as root and runuser is missing: PostgreSQL refuses to run as root"
    return None


class PostgresCluster:
    """A throwaway cluster: its own data folder, socket folder and port. PostgreSQL refuses to
    run as root, so as root every program runs as the `postgres` user (runuser), which owns
    the folder."""

    def __init__(self, port=POSTGRES_PORT):
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="evidencebank-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.as_user = []
        if os.geteuid() == 0:
            user = "postgres"
            try:
                import pwd

                entry = pwd.getpwnam(user)
            except KeyError:
                pytest.skip("running as root and there is no postgres user to run PostgreSQL as")
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
            self.as_user = ["runuser", "-u", user, "--"]

    def run(self, *args, timeout=60):
        return subprocess.run(
            [*self.as_user, *args], check=True, capture_output=True, text=True, timeout=timeout, cwd=self.folder
        )

    def init(self):
        self.run(
            postgres_bin("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--no-sync", "--no-instructions",
        )  # fmt: skip

    def start(self):
        require_free(self.port)
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        self.run(postgres_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self, mode="fast"):
        """`fast` ends every session and shuts down cleanly; `immediate` is a crash."""
        self.run(postgres_bin("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def ensure_running(self):
        if not self.running():
            self.start()

    def running(self):
        if not self.data.exists():
            return False
        status = subprocess.run(
            [*self.as_user, postgres_bin("pg_ctl"), "-D", str(self.data), "status"], capture_output=True
        )
        return status.returncode == 0

    def url(self, name="evidencebank"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def create_database(self, name="evidencebank", template=None):
        """An empty database, or a copy of `template` (a file copy: a second or less)."""
        copy = f' TEMPLATE "{template}"' if template else ""
        self.execute(f'CREATE DATABASE "{name}"{copy}')

    def drop_database(self, name):
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def execute(self, statement):
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True, connect_timeout=10) as conn:
            conn.execute(statement)

    def destroy(self):
        try:
            if self.running():
                self.stop(mode="immediate")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


# -- Redis --------------------------------------------------------------------------------------
class RedisServer:
    def __init__(self, port=REDIS_PORT):
        self.port = port
        self.process = None

    def start(self):
        require_free(self.port)
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self.answers, 10, f"redis-server on port {self.port}")

    def answers(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self):
        """SIGKILL, as a crash: no goodbye to the clients."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        wait_for(lambda: port_is_free(self.port), 10, f"port {self.port} to close")

    def running(self):
        return self.process is not None and self.process.poll() is None

    def flush(self):
        """Every key of every database gone: the next test starts with an empty Redis."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as conn:
            conn.sendall(b"FLUSHALL\r\n")
            assert conn.recv(16).startswith(b"+OK")

    def url(self, db=0):
        return f"redis://127.0.0.1:{self.port}/{db}"


# -- the site under gunicorn ----------------------------------------------------------------------
class AppServer:
    """gunicorn with the fault tests' settings (production settings, static files served from the
    source folders), its JSON log captured to a file."""

    def __init__(self, database_url, port=APP_PORT, redis_url="", workers=2, log_folder=None):
        self.port = port
        self.workers = workers
        self.folder = Path(log_folder or tempfile.mkdtemp(prefix="evidencebank-app-"))
        self.log_path = self.folder / f"gunicorn-{port}.log"
        self.env = server_environment(database_url, redis_url, port)
        self.process = None

    def start(self):
        require_free(self.port)
        self.log_file = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [
                PYTHON, "-m", "gunicorn", "evidencebank.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
                "--workers", str(self.workers), "--timeout", "30", "--graceful-timeout", "5",
            ],
            cwd=ROOT, env=self.env, stdout=self.log_file, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        wait_for(lambda: self.answers("/robots.txt"), 60, "gunicorn to answer", interval=0.1)

    def answers(self, path):
        if self.process.poll() is not None:
            raise AssertionError(f"gunicorn exited with {self.process.returncode}:\n{self.log_text()[-3000:]}")
        try:
            return self.get(path, timeout=2).status < 500
        except OSError:
            return False

    def get(self, path, data=None, headers=None, timeout=10):
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", data=data, headers={"Host": "127.0.0.1", **(headers or {})}
        )
        try:
            response = urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - loopback only
        except urllib.error.HTTPError as error:
            response = error
        response.text = response.read().decode("utf-8", "replace")
        return response

    def log_text(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def log_events(self):
        events = []
        for line in self.log_text().splitlines():
            if line.startswith("{"):
                try:
                    events.append(json.loads(line))
                except ValueError:
                    pass
        return events

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)  # quick shutdown
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        if getattr(self, "log_file", None):
            self.log_file.close()


def server_environment(database_url, redis_url, port):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST"))}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.faults.server_settings",
        DJANGO_SECRET_KEY="fault-tests-only-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SITE_URL=f"http://127.0.0.1:{port}",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.pop("TEST_DATABASE_NAME", None)
    return env


def manage(env, *args, timeout=300):
    """A management command against the fault tests' database, as its own process."""
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=timeout
    )
