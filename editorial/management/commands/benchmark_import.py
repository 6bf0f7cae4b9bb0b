import json
import statistics
import tempfile
import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, PartnerOrganisation
from editorial.benchmark import PREFIX, synthetic_document


class Command(BaseCommand):
    help = (
        "Time import_casestudies on a generated file of N records (default 1,000), then time the "
        "second, unchanged run. Use a scratch database: the records are deleted afterwards unless --keep."
    )

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=1000)
        parser.add_argument("--write", help="Only write the generated file here; import nothing.")
        parser.add_argument("--keep", action="store_true", help="Keep the imported case studies.")

    def handle(self, *args, records, write, keep, **options):
        document = synthetic_document(records)
        if write:
            Path(write).write_text(json.dumps(document, indent=1))
            self.stdout.write(f"Wrote {records} records to {write}.")
            return
        if not CaseStudyIndexPage.objects.exists():
            call_command("load_demo_content", stdout=open("/dev/null", "w"))
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(document, f)
        size = Path(f.name).stat().st_size
        self.stdout.write(f"{records} records, {size / 1024 / 1024:.1f} MB")
        try:
            for label in ("first import (creates and publishes)", "second import (all unchanged)"):
                started, cpu_started = time.perf_counter(), time.process_time()
                call_command("import_casestudies", f.name, "--publish", stdout=open("/dev/null", "w"),
                             stderr=open("/dev/null", "w"))
                elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
                # CPU time is reported too: on a shared machine the wall-clock figure mostly
                # measures the other users (SQLite runs inside this process, so CPU is all of it).
                self.stdout.write(f"{label}: {elapsed:.1f} s wall ({cpu:.1f} s CPU), "
                                  f"{records / elapsed:.0f} records/s, {1000 * elapsed / records:.1f} ms per record")
            self.per_record_figures(f.name)
        finally:
            Path(f.name).unlink()
            if not keep:
                CaseStudyPage.objects.filter(external_id__startswith=PREFIX).delete()
                PartnerOrganisation.objects.filter(name__startswith="Benchmark ").delete()

    def per_record_figures(self, path):
        """Median and p95 time to write one changed record (a new revision), from a 100-record sample."""
        from casestudies.importing import import_records, read_document_file

        sample = read_document_file(path)[:100]
        for record in sample:
            record["summary"] += " Revised."
        index = CaseStudyIndexPage.objects.first()
        times = []
        for record in sample:
            started = time.perf_counter()
            import_records([record], index, publish=True)
            times.append(1000 * (time.perf_counter() - started))
        times.sort()
        self.stdout.write(
            f"update one record (100 samples): median {statistics.median(times):.1f} ms, "
            f"p95 {times[int(len(times) * 0.95) - 1]:.1f} ms"
        )
