import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from submissions.models import SubmitterContact


def prune(now=None):
    """Delete contact details SUBMITTER_CONTACT_DAYS after their case study was decided."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.SUBMITTER_CONTACT_DAYS)
    deleted, _ = SubmitterContact.objects.filter(decided_at__lt=cutoff).delete()
    return deleted


class Command(BaseCommand):
    help = "Delete submitters' contact details past their retention after publication or rejection (run daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"Deleted {prune()} submitters' contact details.")
