"""Readers' searches, kept without anything that identifies a reader: no address, user agent,
cookie or session id, and the time only to the hour. Raw events are kept for
INSIGHTS_RAW_EVENT_DAYS; the daily counts for INSIGHTS_DAILY_COUNT_DAYS (`prune_search_events`)."""

from django.db import models

WITHHELD = "withheld"  # the signature of the day's row counting searches dropped as personal data


class SearchEvent(models.Model):
    """One search or filtered browse, as the reader asked it."""

    hour = models.DateTimeField(db_index=True, help_text="When, truncated to the hour.")
    signature = models.CharField(max_length=64, db_index=True)
    path = models.CharField(max_length=255, blank=True)
    query = models.CharField(max_length=200, blank=True)
    filters = models.JSONField(default=dict)
    results = models.PositiveIntegerField(default=0)
    opened = models.BooleanField(default=False, help_text="A case study was opened from the results.")
    withheld = models.BooleanField(default=False, help_text="The query looked like personal data: not kept.")

    class Meta:
        verbose_name = "search event"

    def __str__(self):
        return f"{self.query or '(filters only)'} at {self.hour:%Y-%m-%d %H:00}"


class DailySearch(models.Model):
    """How often one search was made on one day, what it found and how often a result was opened."""

    day = models.DateField(db_index=True)
    signature = models.CharField(max_length=64)
    path = models.CharField(max_length=255, blank=True)
    query = models.CharField(max_length=200, blank=True)
    filters = models.JSONField(default=dict)
    results = models.PositiveIntegerField(default=0, help_text="Results the last time it was made that day.")
    searches = models.PositiveIntegerField(default=0)
    opens = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "daily search count"
        constraints = [models.UniqueConstraint(fields=["day", "signature"], name="one_count_per_search_per_day")]
        permissions = [("view_search_report", "Can see what readers look for")]

    def __str__(self):
        return f"{self.query or '(filters only)'} on {self.day}"
