"""The editors' import: a checked upload becomes a background task that submits drafts for review."""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from casestudies.interchange import import_records, parse_document
from casestudies.models import CaseStudyIndexPage

from .models import ImportJob

# Save progress (and the heartbeat) every few records: often enough for the progress page,
# cheap enough for 1,000. The importer reports records only once they are committed.
PROGRESS_EVERY = 10


def storable(text):
    # PostgreSQL's jsonb cannot hold NUL characters; a bad file may contain them.
    return str(text).replace("\x00", "\ufffd")[:1000]


def result_row(result, record):
    title = record.get("title") if isinstance(record, dict) else None
    return {
        "index": result.index,
        "external_id": storable(result.external_id),
        "title": storable(title) if isinstance(title, str) else "",
        "outcome": result.outcome,
        "errors": [{"field": storable(e.field), "message": storable(e.message)} for e in result.errors],
        "new_organisations": [storable(name) for name in result.new_organisations],
        # The draft it made or changed, for a link to its edit page.
        "page_id": result.page.pk if result.page is not None and result.outcome in ("created", "updated") else None,
        "warnings": [{"field": storable(w.field), "message": storable(w.message)} for w in result.warnings],
    }


def check_upload(upload, records, user):
    """Dry-run the records and keep the file and the report as an ImportJob awaiting confirmation."""
    index = CaseStudyIndexPage.get_solo()
    results = import_records(records, index, dry_run=True)
    upload.seek(0)
    return ImportJob.objects.create(
        user=user,
        filename=upload.name[-255:],
        content=upload.read().decode("utf-8-sig"),
        total=len(records),
        dry_run_report=[result_row(r, rec) for r, rec in zip(results, records)],
    )


def confirm(job, from_status=ImportJob.Status.CHECKED):
    """Queue the import; returns False if it was already confirmed (a second click, say).

    An interrupted job is queued again the same way (`from_status=INTERRUPTED`): the whole file
    runs again, and the records already imported come out unchanged.
    """
    with transaction.atomic():
        updated = ImportJob.objects.filter(pk=job.pk, status=from_status).update(
            status=ImportJob.Status.QUEUED, error=""
        )
    if updated:
        run_import.enqueue(job.pk)
    return bool(updated)


def resume(job):
    return confirm(job, from_status=ImportJob.Status.INTERRUPTED)


def merged_row(row, earlier):
    """A record the interrupted run imported comes out "unchanged" the second time: report
    what the first run did with it."""
    if row["outcome"] == "unchanged" and earlier and earlier["external_id"] == row["external_id"]:
        return earlier
    return row


@task()
def run_import(job_id):
    job = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.QUEUED).first()
    if job is None:
        return
    job.start_running()
    rows = []
    try:
        records = parse_document(job.content.encode("utf-8"))
        earlier = {row["index"]: row for row in job.report}

        def progress(result):
            rows.append(merged_row(result_row(result, records[result.index]), earlier.get(result.index)))
            if len(rows) % PROGRESS_EVERY == 0:
                job.save_progress(rows)

        import_records(
            records,
            CaseStudyIndexPage.get_solo(),
            publish=False,
            user=job.user,
            submit_for_review=True,
            source=f"Admin upload: {job.filename}",
            progress=progress,
        )
        job.report, job.processed, job.status = rows, len(rows), ImportJob.Status.DONE
    except Exception as exc:  # the job page must say it stopped, not spin for ever
        job.report, job.processed, job.status = rows, len(rows), ImportJob.Status.FAILED
        job.error = f"The import stopped unexpectedly ({type(exc).__name__}). Records already imported are kept; run the file again to finish."
        raise
    finally:
        job.finished_at = timezone.now()
        job.save()
    return job.report_counts
