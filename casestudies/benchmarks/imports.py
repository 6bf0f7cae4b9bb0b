"""Time `import_casestudies` on a generated file of N records, then the unchanged second run
and the update of one record. Use a scratch database: the records are deleted afterwards."""

import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

from ..interchange import import_records, read_document_file
from ..models import CaseStudyIndexPage, CaseStudyPage, PartnerOrganisation
from .synthetic import ORGANISATIONS, PREFIX, synthetic_document


def run(out, records, keep=False):
    index = CaseStudyIndexPage.get_solo()
    if index is None:
        raise CommandError("There is no case-study index: run `manage.py load_demo_content` first.")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(synthetic_document(records), f)
    out.write(f"{records} records, {Path(f.name).stat().st_size / 1024 / 1024:.1f} MB")
    try:
        with open(os.devnull, "w") as devnull:
            for label in ("first import (creates and publishes)", "second import (all unchanged)"):
                started, cpu_started = time.perf_counter(), time.process_time()
                call_command("import_casestudies", f.name, "--publish", stdout=devnull, stderr=devnull)
                elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
                # CPU time too: on a shared machine the wall-clock figure mostly measures the
                # other users (SQLite runs inside this process, so CPU is all of it).
                out.write(
                    f"{label}: {elapsed:.1f} s wall ({cpu:.1f} s CPU), "
                    f"{records / elapsed:.0f} records/s, {1000 * elapsed / records:.1f} ms per record"
                )
        per_record_figures(out, f.name, index)
    finally:
        Path(f.name).unlink()
        if not keep:
            CaseStudyPage.objects.filter(external_id__startswith=PREFIX).delete()
            unused = PartnerOrganisation.objects.filter(partnerships__isnull=True)
            unused.filter(name__in=[name for name, _ in ORGANISATIONS]).delete()


def per_record_figures(out, path, index):
    """Median and p95 time to write one changed record (a new revision), from 100 samples."""
    sample = read_document_file(path)[:100]
    for record in sample:
        record["summary"] += " Revised."
    times = []
    for record in sample:
        started = time.perf_counter()
        import_records([record], index, publish=True)
        times.append(1000 * (time.perf_counter() - started))
    times.sort()
    out.write(
        f"update one record ({len(times)} samples): median {statistics.median(times):.1f} ms, "
        f"p95 {times[int(len(times) * 0.95) - 1]:.1f} ms"
    )


def write_file(out, records, path):
    Path(path).write_text(json.dumps(synthetic_document(records), indent=1))
    out.write(f"Wrote {records} records to {path}.")
