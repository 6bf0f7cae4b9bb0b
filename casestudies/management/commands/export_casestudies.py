import json

from django.core.management.base import BaseCommand, CommandError

from casestudies.interchange import export_document, export_queryset, write_csv


class Command(BaseCommand):
    help = (
        "Export every published case study in the interchange JSON format (see docs/editors.md) or as CSV "
        "(one row per case study, multi-valued fields joined with '; '). Drafts are never exported."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--output", help="File to write; standard output if omitted.")

    def handle(self, *args, format, output, **options):
        if output:
            try:
                with open(output, "w", encoding="utf-8", newline="") as out:
                    self.write(format, out)
            except OSError as exc:
                raise CommandError(f"Cannot write {output}: {exc.strerror}.") from None
            self.stderr.write(f"Wrote {export_queryset().count()} case studies to {output}.")
        else:
            self.write(format, self.stdout._out)

    def write(self, format, out):
        if format == "csv":
            write_csv(export_queryset(), out)
        else:
            json.dump(export_document(), out, ensure_ascii=False, indent=2)
            out.write("\n")
