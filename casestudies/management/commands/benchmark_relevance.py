"""How well search answers questions in readers' own words (a command, never a test).

    python manage.py load_demo_content
    python manage.py benchmark_relevance [--missed]

Prints hit@5, recall@10 and MRR@10 over tests/data/search_dev_set.json.
"""

from django.core.management.base import BaseCommand

from casestudies.benchmarks import relevance


class Command(BaseCommand):
    help = "hit@5, recall@10 and MRR@10 of the finder over the dev set of readers' questions."

    def add_arguments(self, parser):
        parser.add_argument("--dev-set", default=str(relevance.DEV_SET), help="The questions and their answers (JSON).")
        parser.add_argument("--missed", action="store_true", help="List the questions with no answer in the top five.")

    def handle(self, dev_set, missed, **options):
        relevance.run(self.stdout, dev_set, show_missed=missed)
