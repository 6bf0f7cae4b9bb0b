import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from casestudies.interchange import DocumentError, import_records, read_document_file, summarise
from casestudies.models import CaseStudyIndexPage
from editorial.importing import PROGRESS_EVERY, result_row
from editorial.models import ImportJob


class Command(BaseCommand):
    help = (
        "Import case studies from an interchange-format JSON file (see docs/editors.md). Records are matched "
        "on external_id, so running the same file again changes nothing. Records are saved as "
        'drafts unless the command runs with --publish and the record says "publish": true.'
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the JSON file.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report; write nothing.")
        parser.add_argument("--publish", action="store_true", help='Publish the records that say "publish": true.')
        parser.add_argument("--user", help="Username to record in the audit log as the importer.")

    def handle(self, *args, file, dry_run, publish, user, **options):
        importer = self.find_user(user)
        index = CaseStudyIndexPage.get_solo()
        if index is None:
            raise CommandError(
                "There is no case-study index page to import into: create one (or run load_demo_content) first."
            )
        try:
            records = read_document_file(file)
        except DocumentError as exc:
            raise CommandError(str(exc)) from None
        job = None if dry_run else self.start_job(os.path.abspath(file), records, importer)

        def progress(result):
            bar.update(1)
            if job is not None:
                rows.append(result_row(result, records[result.index]))
                if len(rows) % PROGRESS_EVERY == 0:
                    job.save_progress(rows)

        rows = []
        with tqdm(
            total=len(records),
            unit="record",
            desc="Checking" if dry_run else "Importing",
            file=self.stderr._out,
            disable=None,
        ) as bar:
            try:
                results = import_records(
                    records,
                    index,
                    publish=publish,
                    user=importer,
                    dry_run=dry_run,
                    source=str(file)[-255:],
                    progress=progress,
                )
            except Exception:
                self.finish_job(job, rows, ImportJob.Status.FAILED)
                raise
        self.finish_job(job, rows, ImportJob.Status.DONE)

        counts = summarise(results)
        self.write_summary(counts, dry_run)
        self.write_failures(results)
        if counts["failed"]:
            raise CommandError(
                f"{counts['failed']} of {len(results)} records failed; the others were "
                + ("checked." if dry_run else "imported."),
                returncode=1,
            )

    def start_job(self, path, records, user):
        """Record this run as an import job (so an interrupted run is known), after reporting
        any earlier run of the same file that was interrupted."""
        ImportJob.objects.mark_interrupted()
        filename = path[-255:]
        earlier = ImportJob.objects.filter(origin=ImportJob.Origin.COMMAND, filename=filename).first()
        if earlier is not None and earlier.status == ImportJob.Status.INTERRUPTED:
            self.stderr.write(
                f"The last import of this file (started {earlier.created_at:%Y-%m-%d %H:%M}) was interrupted "
                f"after {earlier.processed} of {earlier.total} records. Those were imported completely; "
                "this run imports the rest and leaves them unchanged."
            )
        job = ImportJob.objects.create(
            user=user, filename=filename, content="", total=len(records), origin=ImportJob.Origin.COMMAND
        )
        job.start_running()
        return job

    def finish_job(self, job, rows, status):
        if job is not None:
            job.report, job.processed, job.status, job.finished_at = rows, len(rows), status, timezone.now()
            job.save(update_fields=["report", "processed", "status", "finished_at"])

    def find_user(self, username):
        if not username:
            return None
        try:
            return get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"There is no user called “{username}”.") from None

    def write_summary(self, counts, dry_run):
        title = "Dry run: nothing was written. Would be:" if dry_run else "Import finished:"
        width = max(len(k) for k in counts) + 2
        lines = [title, f"{'outcome':<{width}}records", f"{'-' * width}-------"]
        lines += [f"{outcome:<{width}}{count:>7}" for outcome, count in counts.items()]
        lines.append(f"{'total':<{width}}{sum(counts.values()):>7}")
        self.stdout.write("\n".join(lines))

    def write_failures(self, results):
        for result in results:
            for error in result.errors:
                label = f"record {result.index + 1}" + (f" ({result.external_id})" if result.external_id else "")
                field = f", field {error.field}" if error.field else ""
                self.stderr.write(f"{label}{field}: {error.message}")
            for warning in result.warnings:
                label = f"record {result.index}" + (f" ({result.external_id})" if result.external_id else "")
                field = f", {warning.field}" if warning.field else ""
                self.stderr.write(f"Warning, {label}{field}: {warning.message}")
