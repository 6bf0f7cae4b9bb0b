"""What the in-memory facet index costs at N synthetic case studies: a full build's time and
memory (with its word indexes), and the first request after one case study is published through
Wagtail's own publish, with the index patched for that page (now) and rebuilt (as before).

Figures are printed, never asserted."""

import gc
import statistics
import time
import tracemalloc

from django.core.management.base import CommandError
from django.db import connection
from django.test import Client

from ..finder import facet_index as facet_index_module
from ..finder.facet_index import build
from ..models import CaseStudyPage, FindableVersion
from .bulk import ensure_case_studies

LISTING = {"phase": "secondary", "region": "london"}
SEARCH = {"q": "modern languages", "phase": "secondary"}
# A sensible budget for the index in each app-server process, and how many processes a server runs.
BUDGET_MB = 512
WORKERS = 4


def with_word_indexes(index):
    """Build the word indexes as the first search and suggestion do."""
    return len(index.title_words.sorted_words) + len(index.summary_words.postings) + len(index.partner_names)


def build_cost(index_page, repeat):
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        with_word_indexes(build(index_page, FindableVersion.current()))
        times.append(time.perf_counter() - started)
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    index = build(index_page, FindableVersion.current())
    facets_only = tracemalloc.get_traced_memory()[0] - before
    with_word_indexes(index)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return times, facets_only, held - before, peak - before, index


def first_requests_after_publish(client, index_page, page, rounds, patch, kinds=(LISTING, SEARCH)):
    """Each `rounds` times: publish, time the first listing; publish, time the first search."""
    facet_index_module.MAX_STEPS = 50 if patch else 0  # 0: every change rebuilds, as before
    listing, search = [], []
    try:
        client.get(index_page.url, SEARCH)  # steady state: the index and its word indexes in use
        for n in range(rounds):
            for times, params in zip((listing, search), kinds):
                page.summary = f"Round {n} ({'patched' if patch else 'rebuilt'}). " + page.summary[:300]
                page.save_revision().publish()
                started = time.perf_counter()
                response = client.get(index_page.url, params)
                times.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise CommandError(f"{index_page.url} answered {response.status_code}")
    finally:
        facet_index_module.MAX_STEPS = 50
    return listing, search


def timed(call, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def run(out, count, rounds=10, build_repeat=3, seed=1, listing_only=False):
    if count < 1 or rounds < 1:
        raise CommandError("--count and --rounds must be at least 1.")
    index_page = ensure_case_studies(out, count, seed)
    times, facets_only, held, peak, index = build_cost(index_page, build_repeat)
    size = index.size
    out.write(f"{size:,} live case studies in the index ({connection.vendor}).")
    out.write(
        f"full build incl. word indexes: median {statistics.median(times):.2f} s of {build_repeat} "
        f"(min {min(times):.2f}, max {max(times):.2f})"
    )
    out.write(
        f"memory (tracemalloc): {held / 2**20:.1f} MB held ({facets_only / 2**20:.1f} MB without the word indexes), "
        f"{peak / 2**20:.1f} MB peak while building; {held / size / 1024:.2f} KB per case study"
    )
    per_process = held / size
    fits = int(BUDGET_MB * 2**20 / per_process)
    out.write(
        f"a {BUDGET_MB} MB budget per process holds about {fits:,} case studies "
        f"({WORKERS} workers: {WORKERS * held / 2**20:.0f} MB per server at this size)"
    )
    del index
    client = Client(HTTP_HOST=index_page.get_site().hostname)
    page = CaseStudyPage.objects.child_of(index_page).live().order_by("-first_published_at").first().specific
    out.write(f"first request after publishing one case study (Wagtail's publish), median of {rounds}, ms:")
    out.write(f"  {'':<14}{'listing, 2 filters':>20}{'search + filter':>18}")
    for name, patch in (("rebuilt", False), ("patched", True)):
        kinds = (LISTING,) if listing_only else (LISTING, SEARCH)
        listing, search = first_requests_after_publish(client, index_page, page, rounds, patch, kinds)
        searched = f"{statistics.median(search):>18.0f}" if search else f"{'-':>18}"
        out.write(f"  {name:<14}{statistics.median(listing):>20.0f}{searched}")
    steady = [timed(lambda params=params: client.get(index_page.url, params), rounds) for params in (LISTING, SEARCH)]
    out.write(f"  {'no publish':<14}{statistics.median(steady[0]):>20.0f}{statistics.median(steady[1]):>18.0f}")
    current = facet_index_module.facet_index(index_page)
    patch_times = timed(lambda: facet_index_module.patched(current, index_page, current.version, [page.pk]), rounds)
    out.write(f"the patch alone (one page, its 7 queries included): median {statistics.median(patch_times):.0f} ms")
    out.write(f"  (how the index was brought up to date in this run: {dict(facet_index_module.updates)})")
