import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from insights.models import DailySearch, SearchEvent


def prune(now=None):
    """Delete raw events older than INSIGHTS_RAW_EVENT_DAYS and daily counts older than
    INSIGHTS_DAILY_COUNT_DAYS; returns (events deleted, daily counts deleted)."""
    now = now or timezone.now()
    events, _ = SearchEvent.objects.filter(
        hour__lt=now - datetime.timedelta(days=settings.INSIGHTS_RAW_EVENT_DAYS)
    ).delete()
    days, _ = DailySearch.objects.filter(
        day__lt=timezone.localdate(now) - datetime.timedelta(days=settings.INSIGHTS_DAILY_COUNT_DAYS)
    ).delete()
    return events, days


class Command(BaseCommand):
    help = "Delete readers' search events and daily counts past their retention (run daily)."

    def handle(self, *args, **options):
        events, days = prune()
        self.stdout.write(f"Deleted {events} search events and {days} daily counts.")
