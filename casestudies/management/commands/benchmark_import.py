from django.core.management.base import BaseCommand

from casestudies.benchmarks import hybrid, imports


class Command(BaseCommand):
    help = (
        "Time import_casestudies on a generated file of N records (default 1,000), then time the "
        "second, unchanged run. Use a scratch database: the records are deleted afterwards unless --keep."
    )

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=1000)
        parser.add_argument("--write", help="Only write the generated file here; import nothing.")
        parser.add_argument("--keep", action="store_true", help="Keep the imported case studies.")
        parser.add_argument(
            "--embed",
            action="store_true",
            help="Instead: time one import with embedding on publish (the model loaded first), then delete the records.",
        )

    def handle(self, *args, records, write, keep, embed, **options):
        if embed:
            hybrid.load_model(self.stdout)
            hybrid.import_with_embedding(self.stdout, records)
        elif write:
            imports.write_file(self.stdout, records, write)
        else:
            imports.run(self.stdout, records, keep)
