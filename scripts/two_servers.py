"""Two app servers behind nginx, sharing one PostgreSQL and one Redis: a moderator publishes a
change through the balancer, every read after it is fresh on both servers, and the site keeps
answering when one server stops.

    .venv/bin/python scripts/two_servers.py [--reads 24] [--database-url postgres://…/twoservers]

Loopback only, bounded in time, and it stops everything it started. It fills a database of its
own on the local PostgreSQL (created and migrated on the first run, kept for the next), starts
its own redis-server, two gunicorn instances with production settings (`app-a`, `app-b`, each
named in `X-Served-By`) and Debian's nginx balancing between them round-robin (a generated
config in a temporary folder, not a daemon). Then:

1. readers warm both servers (each builds its facet index, the shared cache fills);
2. a moderator signs in to the Wagtail admin through the balancer and publishes a changed
   case study (new summary, new region) with the edit form, as a browser would;
3. from the next request on, every read through the balancer must show the new text (the case
   study) and the new counts (the list's region facet), from both servers;
4. one server is stopped; every read must still succeed, through the other.

It prints one line per request: server, status, cache, fresh or stale. tests/serving/
test_two_servers.py runs the same scenario (on the PostgreSQL run of the suite, in CI too).
"""

import argparse
import getpass
import html
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests
from bs4 import BeautifulSoup

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
        [PYTHON, __file__, "prepare", "migrate" if migrate else "keep"],
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


# --- the moderator: the admin's edit form, as a browser submits it ---------------------------


def stream_fields(prefix, items):
    """A StreamField's inputs from the client-side state the admin's JavaScript renders them
    from (`data-w-block-arguments-value`): count, then type, value, id, order, deleted."""
    fields = {f"{prefix}-count": str(len(items))}
    for n, item in enumerate(items):
        here = f"{prefix}-{n}"
        fields.update({f"{here}-deleted": "", f"{here}-order": str(n), f"{here}-id": item.get("id") or ""})
        if "type" in item:
            fields[f"{here}-type"] = item["type"]
        fields.update(block_fields(f"{here}-value", item["value"]))
    return fields


def block_fields(prefix, value):
    if isinstance(value, list) and all(isinstance(v, dict) and "value" in v for v in value):
        return stream_fields(prefix, value)  # a list or stream block
    if isinstance(value, dict) and "id" in value and ("edit_url" in value or "preview" in value):
        return {prefix: str(value["id"])}  # a chooser (image, document)
    if isinstance(value, dict):
        fields = {}
        for key, child in value.items():  # a struct block
            fields.update(block_fields(f"{prefix}-{key}", child))
        return fields
    return {prefix: "" if value is None else str(value)}


def form_fields(form):
    """What a browser submits from `form` (checked boxes, selected options, text), as pairs."""
    pairs = []
    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or "__prefix__" in name or element.has_attr("disabled"):
            continue
        if element.name == "textarea":
            pairs.append((name, element.text.removeprefix("\n")))
        elif element.name == "select":
            chosen = [o.get("value", o.text) for o in element.find_all("option") if o.has_attr("selected")]
            if not chosen and not element.has_attr("multiple"):
                first = element.find("option")
                chosen = [first.get("value", first.text)] if first else []
            pairs.extend((name, value) for value in chosen)
        else:
            kind = element.get("type", "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                continue
            if kind in ("checkbox", "radio") and not element.has_attr("checked"):
                continue
            pairs.append((name, element.get("value", "on" if kind in ("checkbox", "radio") else "")))
    for holder in form.find_all(attrs={"data-w-block-arguments-value": True}):
        name = holder.get("data-w-block-name-value") or holder.get("id")
        items = json.loads(html.unescape(holder["data-w-block-arguments-value"]))[0]
        pairs.extend(stream_fields(name, items).items())
    return pairs


class Moderator:
    def __init__(self, base, password):
        self.base = base
        self.password = password
        self.session = requests.Session()
        self.served = []  # (what, server) of each of its requests

    def request(self, what, method, path, **kwargs):
        response = self.session.request(method, self.base + path, timeout=30, allow_redirects=False, **kwargs)
        self.served.append((what, response.headers.get("X-Served-By", "?"), response.status_code))
        return response

    def sign_in(self):
        page = self.request("sign-in form", "GET", "/admin/login/")
        token = BeautifulSoup(page.text, "html.parser").find("input", {"name": "csrfmiddlewaretoken"})["value"]
        done = self.request(
            "sign in",
            "POST",
            "/admin/login/",
            data={"csrfmiddlewaretoken": token, "username": MODERATOR, "password": self.password, "next": "/admin/"},
        )
        if done.status_code != 302:
            raise Failed(f"the moderator could not sign in (status {done.status_code})")

    def publish(self, page_id, summary, region):
        """Open the case study's edit form, change the summary and the region, publish."""
        path = f"/admin/pages/{page_id}/edit/"
        page = self.request("edit form", "GET", path)
        if page.status_code != 200:
            raise Failed(f"the edit form answered {page.status_code}")
        soup = BeautifulSoup(page.text, "html.parser")
        form = soup.find("form", id="page-edit-form")
        region_option = soup.find("select", {"name": "region"}).find(
            "option", string=re.compile(region.replace("-", " "), re.IGNORECASE)
        )
        pairs = [(k, v) for k, v in form_fields(form) if k not in ("summary", "region")]
        pairs += [("summary", summary), ("region", region_option["value"]), ("action-publish", "action-publish")]
        done = self.request("publish", "POST", path, data=pairs)
        if done.status_code != 302:
            errors = BeautifulSoup(done.text, "html.parser").select(".error-message, .help-critical, .w-field__errors")
            raise Failed(f"the publish answered {done.status_code}: {[e.get_text(' ', strip=True) for e in errors]}")
        return done.headers.get("X-Served-By", "?")


# --- the readers ----------------------------------------------------------------------------


def region_counts(text):
    """The list page's region facet: {slug: count} (0 for "none match")."""
    counts = {}
    for box in BeautifulSoup(text, "html.parser").select('input[name="region"]'):
        label = box.find_next_sibling("label")
        count = label.select_one(".facet__count").get_text() if label else ""
        found = re.search(r"\d+", count)
        counts[box["value"]] = int(found.group()) if found else 0
    return counts


def read(base, path, past_the_cache=False):
    """One anonymous reader's request on a new connection: (server, status, cache, response).
    `past_the_cache` sends a (meaningless) session cookie, which the response cache never
    answers: the page is rendered by the worker, from its own facet index."""
    cookies = {"sessionid": "none"} if past_the_cache else None
    response = requests.get(base + path, timeout=30, headers={"Connection": "close"}, cookies=cookies)
    return (
        response.headers.get("X-Served-By", "?"),
        response.status_code,
        response.headers.get("X-Cache", "-"),
        response,
    )


def run_scenario(servers, site, password, reads=24, after_stop=12, say=print):
    """The whole story; returns what happened (every request, with its verdict)."""
    base = servers.base
    page_url = urlsplit(site["page_url"]).path
    index_url = urlsplit(site["index_url"]).path
    events = []

    def reader(stage, path, check, past_the_cache=False):
        server, status, cache, response = read(base, path, past_the_cache)
        fresh = check(response) if status == 200 else False
        events.append(
            {"stage": stage, "path": path, "server": server, "status": status, "cache": cache, "fresh": fresh}
        )
        verdict = "fresh" if fresh else "STALE" if status == 200 else "FAILED"
        say(f"  {stage:<14}{path:<40}{server:<7}{status:<5}{cache:<8}{verdict}")
        return response

    before = region_counts(read(base, index_url)[3].text)
    say(f"before: region counts {FROM_REGION}={before.get(FROM_REGION)}, {TO_REGION}={before.get(TO_REGION)}")

    # Four kinds of read: the list and the case study, each from the shared cache and past it
    # (rendered by the worker from its own facet index). Every other round runs backwards, so
    # round-robin sends each kind to both servers.
    def rounds(count):
        for n in range(count):
            kinds = [(index_url, False), (index_url, True), (page_url, False), (page_url, True)]
            yield (kinds if (n // 4) % 2 == 0 else kinds[::-1])[n % 4]

    say("warming both servers (facet index built in each process, pages cached in Redis):")
    for path, past_the_cache in rounds(8):
        reader("warm", path, lambda response: True, past_the_cache)

    marker = f"Revised through the balancer at {time.time():.3f}."
    expected = {FROM_REGION: before[FROM_REGION] - 1, TO_REGION: before[TO_REGION] + 1}
    moderator = Moderator(base, password)
    moderator.sign_in()
    began = time.perf_counter()
    served_by = moderator.publish(site["page_id"], marker, TO_REGION)
    publish_ms = (time.perf_counter() - began) * 1000
    say(
        f"moderator: {', '.join(f'{what} on {server}' for what, server, _ in moderator.served)}"
        f" (publish {publish_ms:.0f} ms on {served_by})"
    )
    say(
        f"after the publish, expecting the new summary and {FROM_REGION}={expected[FROM_REGION]}, "
        f"{TO_REGION}={expected[TO_REGION]}:"
    )

    def shows_new_text(response):
        return marker in response.text

    def shows_new_counts(response):
        counts = region_counts(response.text)
        return all(counts.get(slug) == n for slug, n in expected.items())

    def check_for(path):
        return shows_new_text if path == page_url else shows_new_counts

    for path, past_the_cache in rounds(reads):
        reader("after publish", path, check_for(path), past_the_cache)

    stopped = INSTANCES[1]
    servers.stop(stopped)
    say(f"{stopped} stopped; reading through the balancer again:")
    for path, past_the_cache in rounds(after_stop):
        reader("one server", path, check_for(path), past_the_cache)

    after = [e for e in events if e["stage"] == "after publish"]
    alone = [e for e in events if e["stage"] == "one server"]
    summary = {
        "publish_served_by": served_by,
        "publish_ms": round(publish_ms),
        "moderator_requests": moderator.served,
        "after_publish": len(after),
        "after_publish_stale": sum(1 for e in after if not e["fresh"]),
        "after_publish_servers": sorted({e["server"] for e in after}),
        "after_publish_cache": {
            c: sum(1 for e in after if e["cache"] == c) for c in sorted({e["cache"] for e in after})
        },
        "one_server": len(alone),
        "one_server_failed": sum(1 for e in alone if e["status"] != 200),
        "one_server_stale": sum(1 for e in alone if not e["fresh"]),
        "one_server_servers": sorted({e["server"] for e in alone}),
        "stopped": stopped,
        "events": events,
    }
    say(
        f"summary: {summary['after_publish']} reads after the publish on {', '.join(summary['after_publish_servers'])}"
        f" ({summary['after_publish_cache']}), {summary['after_publish_stale']} stale; with {stopped} stopped "
        f"{summary['one_server']} reads on {', '.join(summary['one_server_servers'])}, "
        f"{summary['one_server_failed']} failed, {summary['one_server_stale']} stale"
    )
    return summary


def main():
    if sys.argv[1:2] == ["prepare"]:
        prepare_here(sys.argv[2] == "migrate", os.environ["TWO_SERVERS_MODERATOR_PASSWORD"])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/twoservers")
    parser.add_argument("--port", type=int, default=18400, help="nginx, the balancer")
    parser.add_argument("--app-ports", default="18401,18402")
    parser.add_argument("--redis-port", type=int, default=18403)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per app server")
    parser.add_argument("--reads", type=int, default=24)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="evidencebank-two-servers-"))
    servers = TwoServers(
        work, args.database_url, args.port, [int(p) for p in args.app_ports.split(",")], args.redis_port, args.workers
    )
    password = secrets.token_urlsafe(16)
    try:
        create_database(args.database_url)
        servers.start_redis()  # saving pages clears cache keys, so Redis comes first
        site = prepare(servers.env, password)
        collect_static(servers.env)
        servers.start_apps()
        servers.start_nginx()
        print(f"nginx on {servers.base} -> " + ", ".join(f"{n} on :{p}" for n, p in servers.app_ports.items()))
        summary = run_scenario(servers, site, password, reads=args.reads)
    except Failed as failure:
        print(f"FAILED: {failure}\n{servers.log_tail()}", file=sys.stderr)
        raise SystemExit(1) from None
    finally:
        servers.close()
        shutil.rmtree(work, ignore_errors=True)
    ok = (
        summary["after_publish_stale"] == 0
        and len(summary["after_publish_servers"]) == 2
        and summary["one_server_failed"] == 0
        and summary["one_server_stale"] == 0
    )
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
