"""Benchmark the finding pages against Wagtail's plain search (a command, never a test).

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 python manage.py load_demo_content
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 python manage.py benchmark_search --count 1000

Tops the bank up to --count synthetic case studies (bulk-written and bulk-indexed), then
times each view through the full Django stack and prints median and p95 latency beside the
latency, measured in the same run, of `Page.objects.live().search(q)` rendered in a bare
template for the same words. The figures per view are the steady state (the facet index
built); the last line times the first request after a publish, which rebuilds the index.
"""

from django.core.management.base import BaseCommand

from casestudies.benchmarks import search


class Command(BaseCommand):
    help = "Time the case-study finding pages at N synthetic case studies, beside plain Wagtail search."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000, help="Case studies to have in the bank.")
        parser.add_argument("--repeat", type=int, default=30, help="Timed requests per view.")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, count, repeat, seed, **options):
        search.run(self.stdout, count, repeat, seed)
