from django.conf import settings
from django.db import models


class ImportJob(models.Model):
    """One uploaded interchange file: its dry-run report, then the import's progress and outcome.

    The file's text is kept in the database rather than as a media file, because a media file
    would be served publicly and the file may hold unpublished case studies.
    """

    class Status(models.TextChoices):
        CHECKED = "checked", "Checked, waiting for confirmation"
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Importing"
        DONE = "done", "Finished"
        FAILED = "failed", "Stopped by an error"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    filename = models.CharField(max_length=255)
    content = models.TextField(help_text="The uploaded file's text.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CHECKED)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    dry_run_report = models.JSONField(default=list)
    report = models.JSONField(default=list)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "case-study import"
        permissions = [("view_coverage", "Can see the coverage report")]

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def percent_done(self):
        return round(100 * self.processed / self.total) if self.total else 100

    @property
    def is_active(self):
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @staticmethod
    def counts(rows):
        counts = {"created": 0, "updated": 0, "unchanged": 0, "failed": 0}
        for row in rows:
            counts[row["outcome"]] += 1
        return counts

    @property
    def dry_run_counts(self):
        return self.counts(self.dry_run_report)

    @property
    def report_counts(self):
        return self.counts(self.report)
