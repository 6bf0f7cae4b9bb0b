"""Load test: gunicorn (2 workers, production settings), PostgreSQL and Redis, N case studies.

    .venv/bin/python scripts/load_test.py [--count 10000] [--duration 60]

Loopback only, bounded in time, and it stops everything it started. It starts its own Redis on
--redis-port and gunicorn on --port (both 127.0.0.1), fills --database-url (a database of its
own on the local PostgreSQL) to --count case studies, then runs three phases with locust:
a static file served by whitenoise, one cached case-study page alone, and 60 s of mixed
traffic (60% case-study pages, 25% filtered lists, 15% searches with filters, popularity
Zipf-like) while a moderator publishes a changed case study every 5 s through Wagtail's own
publish. It prints throughput, p50/p95/p99 per kind, each kind's throughput as a ratio of the
static file's, the cache hit rate (and the renderings reused), the error count and stale reads.
"""

import argparse
import json
import os
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_common import zipf_order  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")


def ensure_database(url):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def wait_for(url, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"{url} did not answer 200 within {seconds} s")


def run(args, env, timeout, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=env, timeout=timeout, check=True, **kwargs)


def readers(base, phase, sitemap, duration, env, users, publishes=None):
    command = [
        PYTHON,
        str(ROOT / "scripts" / "load_readers.py"),
        "--base",
        base,
        "--phase",
        phase,
        "--sitemap",
        sitemap,
        "--duration",
        str(duration),
        "--users",
        str(users),
    ]
    if publishes:
        command += ["--publishes", publishes]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)


def result_of(process, timeout):
    out, _ = process.communicate(timeout=timeout)
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--single-duration", type=float, default=10)
    parser.add_argument("--users", type=int, default=8, help="concurrent readers for the static and single phases")
    parser.add_argument("--mixed-users", type=int, default=4, help="concurrent readers in the mixed run")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/loadtest_issue12")
    parser.add_argument("--port", type=int, default=8130)
    parser.add_argument("--redis-port", type=int, default=8131)
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    work = Path(tempfile.mkdtemp(prefix="evidencebank-load-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "evidencebank.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SITE_URL": base,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": f"redis://127.0.0.1:{args.redis_port}/0",
    }
    started = []
    try:
        ensure_database(args.database_url)
        redis = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(args.redis_port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(work),
                "--logfile",
                str(work / "redis.log"),
            ],
        )
        started.append(redis)
        sitemap = str(work / "site.json")
        run([PYTHON, "scripts/load_prepare.py", "--count", str(args.count), "--dump", sitemap], env, timeout=1800)
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], env, timeout=300)
        gunicorn = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "evidencebank.wsgi:application",
                "--bind",
                f"127.0.0.1:{args.port}",
                "--workers",
                "2",
                "--timeout",
                "30",
                "--error-logfile",
                str(work / "gunicorn.log"),
            ],
            cwd=ROOT,
            env=env,
        )
        started.append(gunicorn)
        wait_for(base + "/healthz", 90)
        site = json.loads(Path(sitemap).read_text())
        # The moderator changes the most popular pages (the ones most surely cached), one each.
        order = zipf_order([pk for pk, _ in site["case_studies"]], random.Random(2026))
        rounds = int(args.duration // 5) - 1
        hot_pks = order[:rounds]

        static = result_of(readers(base, "static", sitemap, args.single_duration, env, args.users), 120)
        single = result_of(readers(base, "single", sitemap, args.single_duration, env, args.users), 120)
        publishes = str(work / "publishes.jsonl")
        with open(publishes, "w") as out:
            moderator = subprocess.Popen(
                [
                    PYTHON,
                    "scripts/load_moderator.py",
                    "--base",
                    base,
                    "--pks",
                    ",".join(map(str, hot_pks)),
                    "--duration",
                    str(args.duration),
                ],
                cwd=ROOT,
                env=env,
                stdout=out,
            )
            started.append(moderator)
            mixed = result_of(
                readers(base, "mixed", sitemap, args.duration, env, args.mixed_users, publishes), args.duration + 120
            )
            moderator.wait(timeout=60)
        events = [json.loads(line) for line in Path(publishes).read_text().splitlines() if line.strip()]
        report(args, static, single, mixed, events)
    finally:
        for process in reversed(started):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(work, ignore_errors=True)


def report(args, static, single, mixed, events):
    static_rps = static["kinds"]["static file"]["rps"]
    single_rps = single["kinds"]["one cached case study"]["rps"]
    moderator_checks = [check for event in events for check in event["checks"]]
    moderator_stale = sum(1 for check in moderator_checks if not check["fresh"])
    print(
        f"\nLoad test: {args.count:,} case studies, gunicorn 2 workers, PostgreSQL, Redis, {os.cpu_count()} cores, "
        f"{args.users} concurrent readers alone, {args.mixed_users} in the mixed run"
    )
    print(f"static file (whitenoise): {static_rps:,.0f} req/s (p50 {static['kinds']['static file']['p50_ms']} ms)")
    print(
        f"one cached case study alone: {single_rps:,.0f} req/s = {single_rps / static_rps:.2f}x the static file "
        f"(p50 {single['kinds']['one cached case study']['p50_ms']} ms)"
    )
    print(
        f"mixed traffic, {mixed['elapsed_s']} s, a publish every 5 s ({len(events)} publishes, "
        f"median publish {sorted(e['publish_s'] for e in events)[len(events) // 2] * 1000:.0f} ms):"
        if events
        else "mixed:"
    )
    print(f"  {'kind':<22}{'req/s':>8}{'x static':>10}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'errors':>8}")
    for kind in ("case study", "filtered list", "search with filters"):
        k = mixed["kinds"].get(kind, {})
        print(
            f"  {kind:<22}{k.get('rps', 0):>8.1f}{k.get('rps', 0) / static_rps:>10.3f}{k.get('p50_ms', 0):>8}"
            f"{k.get('p95_ms', 0):>8}{k.get('p99_ms', 0):>8}{k.get('failures', 0):>8}"
        )
    print(
        f"  of the pages: {mixed['cache_hit_rate']:.1%} cache hits, {mixed['reused_rate']:.1%} renderings reused, "
        f"{1 - mixed['cache_hit_rate'] - mixed['reused_rate']:.1%} rendered; "
        f"errors {mixed['errors'] + static['errors'] + single['errors']}"
        f" {mixed['error_kinds'] or ''}"
    )
    print(
        f"  stale reads: {mixed['stale_reads']} of {mixed['counters'].get('checked_after_publish', 0)} reader fetches "
        f"after a publish; {moderator_stale} of {len(moderator_checks)} moderator fetches right after its publish"
    )
    print(json.dumps({"static": static, "single": single, "mixed": mixed, "publishes": events}), file=sys.stderr)


if __name__ == "__main__":
    main()
