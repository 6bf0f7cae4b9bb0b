"""The load test's moderator: every --every seconds, change one popular case study's summary
and publish it through Wagtail's own publish, then fetch it at once (anonymously, a new
connection) and report whether the new text is there. One JSON line per publish on stdout."""

import argparse
import json
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
        return response.status, response.read().decode("utf-8", "replace"), response.headers.get("X-Cache")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--pks", required=True, help="comma-separated page ids, in order")
    parser.add_argument("--every", type=float, default=5.0)
    parser.add_argument("--duration", type=float, default=60.0)
    args = parser.parse_args()
    assert args.base.startswith(("http://127.0.0.1:", "http://localhost:")), "loopback only"
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from casestudies.models import CaseStudyPage

    moderator = get_user_model().objects.get(username="load-moderator")
    pks = [int(pk) for pk in args.pks.split(",")]
    start = time.monotonic()
    n = 0
    while time.monotonic() - start + args.every <= args.duration and n < len(pks):
        time.sleep(max(0.0, start + (n + 1) * args.every - time.monotonic()))
        page = CaseStudyPage.objects.get(pk=pks[n]).specific
        marker = f"Revised by the moderator, round {n + 1} at {time.time():.3f}."
        page.summary = (marker + " " + page.summary)[:400]
        began = time.perf_counter()
        page.save_revision(user=moderator).publish(user=moderator)
        published = time.perf_counter() - began
        done_at = time.time()
        url = args.base + page.url
        checks = []
        for _ in range(3):
            status, body, cache = fetch(url)
            checks.append({"status": status, "fresh": marker in body, "cache": cache})
        print(
            json.dumps(
                {"url": page.url, "marker": marker, "done_at": done_at, "publish_s": published, "checks": checks}
            ),
            flush=True,
        )
        n += 1


if __name__ == "__main__":
    main()
