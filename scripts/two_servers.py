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
import re
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))  # its sibling modules, however it is loaded
from two_servers_moderator import Moderator  # noqa: E402
from two_servers_setup import (  # noqa: E402, F401 (tests/serving/test_two_servers.py uses these)
    FROM_REGION,
    INSTANCES,
    NGINX,
    REDIS_SERVER,
    TO_REGION,
    Failed,
    TwoServers,
    collect_static,
    create_database,
    drop_database,
    prepare,
)

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
