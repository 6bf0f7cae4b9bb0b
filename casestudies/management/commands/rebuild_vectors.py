from django.core.management.base import BaseCommand, CommandError

from casestudies.semantic.embedder import embedder
from casestudies.semantic.vectors import rebuild_all


class Command(BaseCommand):
    help = "Embed every live, public case study again for hybrid search, and remove every other vector."

    def handle(self, *args, **options):
        if embedder() is None:
            raise CommandError("The sentence-embedding model is off or could not load (see the warning above).")
        count = rebuild_all()
        self.stdout.write(f"Embedded {count} case studies.")
