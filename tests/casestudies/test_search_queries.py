"""The finding pages cost a fixed number of SQL queries however many case studies match."""

import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext

from casestudies.benchmarks.bulk import generate
from casestudies.interchange import CANONICAL_SLUGS
from casestudies.models import CaseStudyPage, FindableVersion
from tests.factories import make_case_study

MAX_QUERIES = 40

VIEWS = [
    ("", {}),
    ("", {"phase": "secondary", "region": "london", "lever": "local-convening"}),
    ("", {"q": "university"}),
    ("", {"q": "university", "phase": "secondary", "feature": "play-to-strengths"}),
    ("", {"q": "university", "sort": "newest", "page": "2"}),
    ("", {"q": "nothingmatchesthis", "phase": "primary"}),  # the no-results advice
    ("features/play-to-strengths/", {"phase": "secondary"}),
    ("levers/local-convening/", {}),
    ("matrix/", {"region": "london"}),
    ("suggest/", {"q": "test"}),
]


def add_case_studies(index_page, count, start):
    features = itertools.cycle([f for f in CANONICAL_SLUGS["success_features"] if f != "play-to-strengths"])
    levers = itertools.cycle(CANONICAL_SLUGS["policy_levers"])
    phases = itertools.cycle(CANONICAL_SLUGS["phases"])
    regions = itertools.cycle(["london", "scotland", "north-west"])
    for n in range(start, start + count):
        make_case_study(
            index_page,
            title=f"Partnership number {n}",
            phases=[next(phases), "secondary"],
            region=next(regions),
            success_features=[
                {"feature": next(features), "evidence": "Shown."},
                {"feature": "play-to-strengths", "evidence": "Also shown."},
            ]
            if n % 2
            else [{"feature": "play-to-strengths", "evidence": "Shown."}],
            policy_levers=[next(levers), "local-convening"],
            purposes=["teacher-cpd"],
            barriers=["staff-time"],
            start_year=2000 + n % 20,
        )


def query_counts(client, index_page):
    counts = {}
    for path, params in VIEWS:
        with CaptureQueriesContext(connection) as context:
            response = client.get(index_page.url + path, params)
        assert response.status_code == 200
        counts[(path, tuple(sorted(params.items())))] = len(context.captured_queries)
    return counts


def test_every_finding_view_costs_the_same_queries_at_10_and_300_case_studies(
    client, index_page, django_assert_max_num_queries, no_response_cache
):
    # What rendering costs: with the response cache on, every repeated request would be a hit.
    add_case_studies(index_page, 10, 0)
    query_counts(client, index_page)  # warm the site-root and content-type caches, as a running server has
    at_10 = query_counts(client, index_page)
    generate(index_page, 290)  # bulk-written and bulk-indexed, like the benchmark's
    assert CaseStudyPage.objects.live().search("university").count() == 300
    query_counts(client, index_page)  # the first request after a change rebuilds the facet index
    at_300 = query_counts(client, index_page)
    assert at_10 == at_300
    for path, params in VIEWS:
        with django_assert_max_num_queries(MAX_QUERIES):
            client.get(index_page.url + path, params)
    # And the big list really did show many results, so the count is not trivially small.
    finding = client.get(index_page.url, {"q": "university"}).context["finding"]
    assert finding.total == 300 and len(finding.results) == 20
    assert len(client.get(index_page.url).context["finding"].facets) == 11


def first_request_queries(client, index_page):
    FindableVersion.bump()  # as a publish does
    with CaptureQueriesContext(connection) as context:
        assert client.get(index_page.url, {"phase": "secondary"}).status_code == 200
    return len(context.captured_queries)


def test_rebuilding_the_facet_index_after_a_change_costs_the_same_queries_at_10_and_300(client, index_page):
    add_case_studies(index_page, 10, 0)
    query_counts(client, index_page)
    at_10 = first_request_queries(client, index_page)
    generate(index_page, 290)
    at_300 = first_request_queries(client, index_page)
    assert at_10 == at_300 <= MAX_QUERIES
    warm = query_counts(client, index_page)[("", ())]
    assert warm < at_10  # and the index is kept until the next change
