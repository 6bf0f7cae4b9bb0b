"""The load test's readers (locust, headless, as a library): run one phase and print its
figures as one JSON line. Started by load_test.py; loopback only; stops by itself."""

from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

import gevent  # noqa: E402
from load_common import zipf_picker  # noqa: E402
from locust import FastHttpUser, constant, task  # noqa: E402
from locust.env import Environment  # noqa: E402

WORDS = [
    "languages",
    "mentoring",
    "teacher training",
    "physics",
    "summer school",
    "widening participation",
    "reading",
    "engineering",
    "music",
    "research",
    "governance",
    "cpd",
    "stem",
    "parents",
    "computing",
]


def filter_combos(facets, rng, count, with_words):
    combos = []
    params = sorted(facets)
    for _ in range(count):
        chosen = []
        for param in rng.sample(params, rng.randint(1, 3)):
            chosen += [
                f"{param}={value}" for value in rng.sample(facets[param], min(len(facets[param]), rng.randint(1, 2)))
            ]
        if with_words:
            chosen.insert(0, "q=" + rng.choice(WORDS).replace(" ", "+"))
        combos.append("&".join(chosen))
    return combos


class Shared:
    kinds = None  # [(kind, picker, share)]
    published = {}
    fresh_after = {}
    counters = Counter()
    stale = []


def pick_kind(rng):
    roll = rng.random()
    for kind, picker, share in Shared.kinds:
        if roll < share:
            return kind, picker()
        roll -= share
    kind, picker, _ = Shared.kinds[-1]
    return kind, picker()


class Reader(FastHttpUser):
    wait_time = constant(0)
    rng = random.Random(7)

    @task
    def read(self):
        kind, path = pick_kind(self.rng)
        began = time.time()
        with self.client.get(path, name=kind, catch_response=True) as response:
            Shared.counters[f"cache:{response.headers.get('X-Cache')}"] += 1
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
                return
            entry = Shared.published.get(path)
            if entry and began > entry["done_at"]:
                Shared.counters["checked_after_publish"] += 1
                if entry["marker"] not in response.text:
                    Shared.stale.append(path)
                    response.failure("stale: the old text after the publish returned")


def follow_publishes(path):
    """Read the moderator's lines as they come, so readers check every page fetched after its
    publish returned."""
    seen = 0
    while True:
        if path.exists():
            lines = path.read_text().splitlines()
            for line in lines[seen:]:
                try:
                    event = json.loads(line)
                except ValueError:
                    break
                Shared.published[event["url"]] = event
                seen += 1
        gevent.sleep(0.2)


def figures(env, elapsed):
    out = {"elapsed_s": round(elapsed, 1), "kinds": {}}
    for (name, _method), entry in sorted(env.stats.entries.items()):
        out["kinds"][name] = {
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "rps": round(entry.num_requests / elapsed, 1),
            "p50_ms": entry.get_response_time_percentile(0.5),
            "p95_ms": entry.get_response_time_percentile(0.95),
            "p99_ms": entry.get_response_time_percentile(0.99),
        }
    out["errors"] = env.stats.total.num_failures - len(Shared.stale)
    out["error_kinds"] = {str(k): v.occurrences for k, v in env.stats.errors.items()}
    out["stale_reads"] = len(Shared.stale)
    out["counters"] = dict(Shared.counters)
    # hit: the response cache under the current token; rendered: a rendering kept from before
    # a publish of other pages, reused (responsecache.reuse_rendering); miss: rendered afresh.
    hits, reused, misses = (Shared.counters[f"cache:{kind}"] for kind in ("hit", "rendered", "miss"))
    answered = hits + reused + misses
    out["cache_hit_rate"] = round(hits / answered, 3) if answered else None
    out["reused_rate"] = round(reused / answered, 3) if answered else None
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--phase", choices=["static", "single", "mixed"], required=True)
    parser.add_argument("--sitemap", required=True)
    parser.add_argument("--static-path", default="/static/css/site.css")
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--publishes", help="the moderator's output file (mixed phase)")
    args = parser.parse_args()
    assert args.base.startswith(("http://127.0.0.1:", "http://localhost:")), "loopback only"
    site = json.loads(Path(args.sitemap).read_text())
    rng = random.Random(2026)
    order, case_study = zipf_picker([url for _, url in site["case_studies"]], rng)
    if args.phase == "static":
        Shared.kinds = [("static file", lambda: args.static_path, 1.0)]
    elif args.phase == "single":
        Shared.kinds = [("one cached case study", lambda: order[0], 1.0)]
    else:
        _, filtered = zipf_picker([f"{site['index']}?{c}" for c in filter_combos(site["facets"], rng, 400, False)], rng)
        _, searched = zipf_picker([f"{site['index']}?{c}" for c in filter_combos(site["facets"], rng, 400, True)], rng)
        Shared.kinds = [
            ("case study", case_study, 0.60),
            ("filtered list", filtered, 0.25),
            ("search with filters", searched, 0.15),
        ]
    env = Environment(user_classes=[Reader], host=args.base)
    runner = env.create_local_runner()
    if args.publishes:
        gevent.spawn(follow_publishes, Path(args.publishes))
    runner.start(args.users, spawn_rate=args.users)
    began = time.time()
    gevent.sleep(args.duration)
    runner.quit()
    elapsed = time.time() - began
    print(json.dumps(figures(env, elapsed)), flush=True)


if __name__ == "__main__":
    main()
