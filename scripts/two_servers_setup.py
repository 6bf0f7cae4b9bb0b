"""The two-server setup of scripts/two_servers.py: its database (created, copied from a
template, prepared with five case studies and a moderator), the static files, and the processes
(redis-server, two gunicorn instances with production settings, nginx balancing between them),
each on a loopback port, started on conditions and always stopped by `TwoServers.close()`.

    python scripts/two_servers_setup.py migrate|keep   # prepare(): run with the servers' settings
"""

import getpass
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
INSTANCES = ("app-a", "app-b")
MODERATOR = "two-servers-moderator"
# The case studies the scenario reads and changes (prepare() writes them).
CHANGED_ID = "two-servers-changed"
FROM_REGION, TO_REGION = "north-west", "north-east"


class Failed(Exception):
    """The scenario did not do what it should (the message says what)."""


# --- waiting on conditions ------------------------------------------------------------------


def wait_until(condition, seconds, what, process=None):
    """Poll `condition` until it is true; fail after `seconds`, or at once if `process` died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise Failed(f"{what}: the process exited with status {process.returncode}")
        if condition():
            return
        time.sleep(0.2)
    raise Failed(f"{what}: not within {seconds} s")


def answers(url):
    try:
        return requests.get(url, timeout=2, allow_redirects=False).status_code == 200
    except requests.RequestException:
        return False


# --- the database ---------------------------------------------------------------------------


def admin_url(url):
    return urlsplit(url)._replace(path="/postgres").geturl()


def create_database(url, template=None):
    """Create the database named in `url` unless it exists (from `template` when given: a
    migrated database copies in a second, where migrating takes half a minute)."""
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(admin_url(url), autocommit=True) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        suffix = f' TEMPLATE "{template}"' if template else ""
        connection.execute(f'CREATE DATABASE "{name}"{suffix}')
        return True


def drop_database(url):
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(admin_url(url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def collect_static(env):
    """Production serves whitenoise's hashed files; collect them unless the manifest is newer
    than every file of the site's own static folder (Wagtail's own change only with a new pin)."""
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    sources = [path.stat().st_mtime for path in (ROOT / "static").rglob("*") if path.is_file()]
    newest = max([*sources, (ROOT / "requirements.txt").stat().st_mtime])
    if manifest.exists() and manifest.stat().st_mtime > newest:
        return False
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
        stdout=subprocess.DEVNULL,
    )
    return True


def prepare_here(migrate, password):
    """Run in a subprocess with the servers' settings: see prepare()."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from casestudies.interchange import write_record
    from casestudies.models import CaseStudyPage
    from home.demo import build_page_tree

    if migrate:
        call_command("migrate", "--noinput", verbosity=0)
    home, index = build_page_tree()

    def record(external_id, title, region):
        return {
            "external_id": external_id,
            "title": title,
            "region": region,
            "summary": f"{title}: a school and a university ran a pilot together.",
            "body": "The school selected pupils.\n\nThe university taught them.",
            "partners": [{"name": "Two Servers University", "type": "university", "role": "Teaching", "lead": True}],
            "success_features": [{"feature": "play-to-strengths", "evidence": "Each partner did its own part."}],
            "evidence_type": 1,
            "publish": True,
        }

    records = [record(CHANGED_ID, "The partnership that changes", FROM_REGION)]
    records += [
        record(f"two-servers-{n}", f"Steady partnership {n}", FROM_REGION if n < 2 else TO_REGION) for n in range(4)
    ]
    for one in records:
        write_record(one, index, publish=True)  # creates it, or puts back what an earlier run changed
    page = CaseStudyPage.objects.get(external_id=CHANGED_ID)
    users = get_user_model()
    moderator = users.objects.filter(username=MODERATOR).first()
    if moderator is None:
        moderator = users.objects.create_superuser(MODERATOR, "moderator@example.org", None)
    moderator.set_password(password)
    moderator.save()
    print(json.dumps({"page_id": page.pk, "page_url": page.url, "index_url": index.url}))


def prepare(env, password, migrate=True):
    """Demo tree, five case studies (four in one region, one in another; the one that changes
    back to its first state), the moderator. Prints the addresses the scenario reads."""
    result = subprocess.run(
        [PYTHON, __file__, "migrate" if migrate else "keep"],
        cwd=ROOT,
        env={**env, "TWO_SERVERS_MODERATOR_PASSWORD": password},
        check=True,
        timeout=600,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- the servers ----------------------------------------------------------------------------


def server_env(database_url, redis_url, site_url, **extra):
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "evidencebank.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SITE_URL": site_url,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        # The admin's sign-in lives in the shared Redis: any server knows the moderator.
        "DJANGO_SESSIONS": "cache",
        **extra,
    }


NGINX_CONF = """\
daemon off;
worker_processes 1;
{user}pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {work}/nginx-access.log;
    client_body_temp_path {work}/client_body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    upstream app_servers {{
        # Round-robin; a server that refuses a connection is skipped for 30 s.
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://app_servers;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            # A request a server could not take (refused, reset, timed out before an answer) is
            # retried on the next server; never a POST that may have reached one.
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
            proxy_read_timeout 30s;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


def nginx_config(work, port, upstream_ports):
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=30s;" for p in upstream_ports)
    # Run as root (CI), nginx's workers would switch to `nobody`; keep them this user's.
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
    return NGINX_CONF.format(work=work, port=port, servers=servers, user=user)


class TwoServers:
    """redis-server, two gunicorn instances and nginx on loopback ports, stopped by close()."""

    def __init__(self, work, database_url, port, app_ports, redis_port, workers=2):
        self.work = Path(work)
        self.database_url = database_url
        self.port = port
        self.app_ports = dict(zip(INSTANCES, app_ports, strict=True))
        self.redis_port = redis_port
        self.workers = workers
        self.base = f"http://127.0.0.1:{port}"
        self.env = server_env(database_url, f"redis://127.0.0.1:{redis_port}/0", self.base)
        self.processes = {}

    def start_redis(self):
        self.processes["redis"] = subprocess.Popen(
            [REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(self.redis_port), "--save", "", "--appendonly", "no"]
            + ["--dir", str(self.work), "--logfile", str(self.work / "redis.log")],
        )

        def pong():
            try:
                import redis

                return redis.Redis(port=self.redis_port, socket_timeout=1).ping()
            except Exception:  # noqa: BLE001 - not up yet
                return False

        wait_until(pong, 20, f"redis-server on port {self.redis_port}", self.processes["redis"])

    def start_apps(self):
        for name, port in self.app_ports.items():
            self.processes[name] = subprocess.Popen(
                [GUNICORN, "evidencebank.wsgi:application", "--bind", f"127.0.0.1:{port}"]
                + ["--workers", str(self.workers), "--timeout", "30", "--graceful-timeout", "5"]
                + ["--error-logfile", str(self.work / f"{name}.log")],
                cwd=ROOT,
                env={**self.env, "DJANGO_INSTANCE_NAME": name},
            )
        for name, port in self.app_ports.items():
            wait_until(
                lambda port=port: answers(f"http://127.0.0.1:{port}/healthz"),
                120,
                f"{name} on port {port}",
                self.processes[name],
            )

    def start_nginx(self):
        conf = self.work / "nginx.conf"
        conf.write_text(nginx_config(self.work, self.port, self.app_ports.values()))
        self.processes["nginx"] = subprocess.Popen(
            [NGINX, "-p", str(self.work), "-c", str(conf), "-e", str(self.work / "nginx-error.log")],
        )
        wait_until(lambda: answers(self.base + "/healthz"), 20, f"nginx on port {self.port}", self.processes["nginx"])

    def stop(self, name, timeout=15, quick=False):
        """SIGTERM: gunicorn finishes the requests it has (a graceful stop), nginx and Redis stop
        at once. `quick` stops gunicorn at once too (SIGQUIT), for the final clean-up."""
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGQUIT if quick and name in INSTANCES else signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

    def close(self):
        for name in ["nginx", *reversed(INSTANCES), "redis"]:
            self.stop(name, quick=True)

    def log_tail(self, lines=20):
        found = []
        for path in sorted(self.work.glob("*.log")):
            text = path.read_text(errors="replace").splitlines()[-lines:]
            found.append(f"--- {path.name}\n" + "\n".join(text))
        return "\n".join(found)


if __name__ == "__main__":
    prepare_here(sys.argv[1] == "migrate", os.environ["TWO_SERVERS_MODERATOR_PASSWORD"])
