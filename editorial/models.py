import datetime
import os
import socket

from django.conf import settings
from django.db import models
from django.utils import timezone

from .wording import counts_sentence, drafts_sentence

# A running import saves its progress (and this heartbeat) every few records, so a job that has
# said nothing for this long has lost its process, wherever that process ran.
HEARTBEAT_STALE_AFTER = datetime.timedelta(minutes=2)


def process_is_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: it exists
    return True


class ImportJobQuerySet(models.QuerySet):
    def mark_interrupted(self):
        """Mark every running job whose process has gone as interrupted; returns those jobs.

        A process killed outright (SIGKILL, the out-of-memory killer, a restart) cannot say so
        itself. Its job is interrupted when its process is known to be gone (same machine, pid
        not running) or has sent no heartbeat for HEARTBEAT_STALE_AFTER.
        """
        interrupted = []
        for job in self.filter(status=ImportJob.Status.RUNNING).defer("content", "dry_run_report"):
            if job.worker_is_gone() and job.mark_interrupted():
                interrupted.append(job)
        return interrupted


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
        INTERRUPTED = "interrupted", "Interrupted"

    class Origin(models.TextChoices):
        ADMIN = "admin", "Admin upload"
        COMMAND = "command", "Command line"

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
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.ADMIN)
    # Which process is importing, and when it last reported progress (see mark_interrupted).
    worker_host = models.CharField(max_length=255, blank=True)
    worker_pid = models.PositiveIntegerField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "case-study import"
        permissions = [("view_coverage", "Can see the coverage report")]

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"

    def start_running(self):
        """Claim the job for this process (status running, this host and pid, a first heartbeat)."""
        self.status = self.Status.RUNNING
        self.worker_host, self.worker_pid, self.heartbeat_at = socket.gethostname()[:255], os.getpid(), timezone.now()
        self.save(update_fields=["status", "worker_host", "worker_pid", "heartbeat_at"])

    def save_progress(self, rows):
        self.report, self.processed, self.heartbeat_at = rows, len(rows), timezone.now()
        ImportJob.objects.filter(pk=self.pk).update(
            processed=self.processed, report=rows, heartbeat_at=self.heartbeat_at
        )

    def worker_is_gone(self):
        if self.worker_pid and self.worker_host == socket.gethostname():
            if not process_is_alive(self.worker_pid):
                return True
        last_sign = self.heartbeat_at or self.created_at
        return last_sign < timezone.now() - HEARTBEAT_STALE_AFTER

    def mark_interrupted(self):
        """Record that this running job's process stopped; False if it had finished meanwhile."""
        self.status = self.Status.INTERRUPTED
        self.error = (
            f"The import was interrupted after {self.processed} of {self.total} records: the process "
            "running it stopped (restarted or killed). The records listed below were imported "
            "completely; the others were not imported at all. Import the rest to finish: records "
            "already imported are recognised by their external_id and left unchanged."
        )
        self.finished_at = timezone.now()
        return bool(
            ImportJob.objects.filter(pk=self.pk, status=self.Status.RUNNING, heartbeat_at=self.heartbeat_at).update(
                status=self.status, error=self.error, finished_at=self.finished_at
            )
        )

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
    def counts_sentence(self):
        if self.status == self.Status.CHECKED:
            return counts_sentence(self.dry_run_counts, checked=True)
        return counts_sentence(self.report_counts, checked=False)

    @property
    def drafts_sentence(self):
        counts = self.dry_run_counts
        return drafts_sentence(counts["created"] + counts["updated"])

    @property
    def new_organisations(self):
        """The partner organisations the checked file would add to the bank's list."""
        return [name for row in self.dry_run_report for name in row.get("new_organisations", [])]

    @property
    def report_counts(self):
        return self.counts(self.report)
