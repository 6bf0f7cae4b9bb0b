"""What the facet index costs as the bank grows (a command, never a test).

    export DATABASE_URL=sqlite:////tmp/bench.sqlite3 DJANGO_SETTINGS_MODULE=evidencebank.settings.test
    python manage.py migrate && python manage.py load_demo_content
    python manage.py benchmark_facet_index --count 10000
    python manage.py benchmark_facet_index --count 100000   # tops the same file up

Tops the bank up to --count synthetic case studies, then prints a full build's time and memory
(tracemalloc, with the word indexes) and the first listing and search after publishing one case
study through Wagtail's publish, median of --rounds, with the index rebuilt and patched.
"""

from django.core.management.base import BaseCommand

from casestudies.benchmarks import index_cost


class Command(BaseCommand):
    help = "Time and measure the facet index at N synthetic case studies: build, memory, first request after a publish."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=10_000, help="Case studies to have in the bank.")
        parser.add_argument("--rounds", type=int, default=10, help="Publishes timed per way of updating.")
        parser.add_argument("--build-repeat", type=int, default=3, help="Full builds timed.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--listing-only",
            action="store_true",
            help="Time only the listing after each publish (halves the rebuilds).",
        )

    def handle(self, count, rounds, build_repeat, seed, listing_only, **options):
        index_cost.run(self.stdout, count, rounds, build_repeat, seed, listing_only)
