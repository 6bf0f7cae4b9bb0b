from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from casestudies.interchange import DocumentError, import_records, read_document_file, summarise
from casestudies.models import CaseStudyIndexPage


class Command(BaseCommand):
    help = (
        "Import case studies from an interchange-format JSON file (see README). Records are matched "
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

        with tqdm(
            total=len(records),
            unit="record",
            desc="Checking" if dry_run else "Importing",
            file=self.stderr._out,
            disable=None,
        ) as bar:
            results = import_records(
                records,
                index,
                publish=publish,
                user=importer,
                dry_run=dry_run,
                source=str(file)[-255:],
                progress=lambda result: bar.update(1),
            )

        counts = summarise(results)
        self.write_summary(counts, dry_run)
        self.write_failures(results)
        if counts["failed"]:
            raise CommandError(
                f"{counts['failed']} of {len(results)} records failed; the others were "
                + ("checked." if dry_run else "imported."),
                returncode=1,
            )

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
                label = f"record {result.index}" + (f" ({result.external_id})" if result.external_id else "")
                field = f", field {error.field}" if error.field else ""
                self.stderr.write(f"{label}{field}: {error.message}")
