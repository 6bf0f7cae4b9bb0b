"""Time the case-study finding pages at N synthetic case studies, beside plain Wagtail search.

The figures per view are the steady state (the facet index built); the last lines time the
first request after a publish, which rebuilds the index."""

import statistics
import time

from django.core.management.base import CommandError
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import override_settings, setup_test_environment
from wagtail.models import Page

from ..models import CaseStudyIndexPage, CaseStudyPage, FindableVersion
from . import hybrid
from .bulk import ensure_case_studies

Q = "modern languages"
VIEWS = [
    ("unfiltered list", "", {}, None),
    ("three filters", "", {"phase": "secondary", "region": "london", "lever": "local-convening"}, None),
    ("q alone", "", {"q": Q}, Q),
    ("q with two filters", "", {"q": Q, "phase": "secondary", "feature": "play-to-strengths"}, Q),
    # No case study holds every word (the partial-match fallback), and a misspelt word corrected.
    ("q, some words match", "", {"q": "modern languages mentoring qqqnotaword"}, None),
    ("q misspelt", "", {"q": "langauges mentorng"}, None),
    ("feature page", "features/play-to-strengths/", {}, None),
    ("matrix", "matrix/", {}, None),
    ("suggestions", "suggest/", {"q": "univ"}, None),
]


def run(out, count, repeat=30, seed=1):
    """Print the figures to `out` (a management command's stdout). The response cache is off
    while views are timed: these are the costs of rendering, which every cache miss pays; the
    last line times a cached case-study page for comparison."""
    hybrid.load_model(out)
    with override_settings(RESPONSE_CACHE_ENABLED=False):
        client = time_views(out, count, repeat, seed)
        if client:
            hybrid.run(out, CaseStudyIndexPage.get_solo(), client, timed, median, p95, repeat)
            hybrid.ranking_at_scale(out, (10_000, 100_000), timed, median, p95, repeat)
            hybrid.embedding_throughput(out)
        url = CaseStudyIndexPage.get_solo().url
        client.get(url)
        cached = timed(lambda: client.get(url), repeat)
        out.write(f"{'cached list (hit)':<22}{median(cached):>10.1f}{p95(cached):>9.1f}   (response cache on)")


def time_views(out, count, repeat, seed):
    if count < 1 or repeat < 2:
        raise CommandError("--count must be at least 1 and --repeat at least 2.")
    index = ensure_case_studies(out, count, seed)
    total = CaseStudyPage.objects.child_of(index).live().count()
    out.write(f"{total} live case studies; {repeat} timed requests per view ({connection.vendor}).\n")
    setup_test_environment()  # so that each response carries its template context
    client = Client(HTTP_HOST=index.get_site().hostname)
    plain = {}
    header = (
        f"{'view':<22}{'median ms':>10}{'p95 ms':>9}{'queries':>9}{'results':>9}   plain search median / p95 ms, ratio"
    )
    out.write(header)
    latest = CaseStudyPage.objects.child_of(index).live().order_by("-first_published_at").first()
    views = [(name, index.url + path, params, words) for name, path, params, words in VIEWS]
    views += [("home page", "/", {}, None), ("a case study", latest.url, {}, None)]
    # A demo case study with every feature, on reading lists (the page lists them).
    on_lists = (
        CaseStudyPage.objects.child_of(index).live().filter(reading_list_items__isnull=False).order_by("pk").first()
    )
    if on_lists is not None:
        views += [("case study on lists", on_lists.url, {}, None)]
    # The open API's listing with every facet's counts, beside the HTML listing it mirrors.
    views += [("API unfiltered list", "/api/v1/case-studies/", {}, None)]
    views += [("API three filters", "/api/v1/case-studies/", VIEWS[1][2], None)]
    for name, url, params, words in views:
        response = client.get(url, params)
        if response.status_code != 200:
            raise CommandError(f"{name}: {url} answered {response.status_code}")
        queries = []
        with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
            client.get(url, params)
        times = timed(lambda: client.get(url, params), repeat)
        finding = response.context and response.context.get("finding")
        results = finding.total if finding and finding.page_obj else "-"
        line = f"{name:<22}{median(times):>10.1f}{p95(times):>9.1f}{len(queries):>9}{results!s:>9}"
        if words:
            if words not in plain:
                plain[words] = timed(lambda: plain_search(words), repeat)
            base = plain[words]
            line += f"   {median(base):.1f} / {p95(base):.1f}, {median(times) / median(base):.2f}x"
        out.write(line)
    # Publishing anything moves the findable-content token; the next request in each process
    # rebuilds the facet index. Timed apart, so the figures above are the steady state.
    url, cold = index.url, max(3, repeat // 3)
    for name, params, what in (
        ("first after a publish", {"phase": "secondary"}, "listing with one filter, rebuilding the facet index"),
        ("first search after one", {"q": Q}, f"q={Q!r}, rebuilding the index and its word indexes"),
    ):
        rebuilds = timed(lambda: (FindableVersion.bump(), client.get(url, params)), cold)
        out.write(f"{name:<22}{median(rebuilds):>10.1f}{p95(rebuilds):>9.1f}   ({what})")
    if plain:
        out.write(
            f"\nPlain search: Page.objects.live().search({Q!r}) rendered in a bare template "
            f"({Page.objects.live().search(Q).count()} results, first 20 rendered)."
        )
    return client


def plain_search(words):
    results = Page.objects.live().search(words)[:20]
    return render_to_string("casestudies/benchmark/plain_search.html", {"results": results})


def timed(call, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def median(times):
    return statistics.median(times)


def p95(times):
    return statistics.quantiles(times, n=20)[-1]
