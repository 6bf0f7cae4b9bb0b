"""Importing a list of interchange records: each is validated completely, then written (or, in
a dry run, only compared with what the bank holds), and the outcome of each is reported.

Records are committed a few at a time (`COMMIT_EVERY`): each record is written inside its own
savepoint, so a bad one is rolled back alone, and the group's search and reference index
entries are written in the same transaction as its pages. A process killed half way (SIGKILL,
a power cut) therefore leaves every record either whole (page, revision, partners, terms,
workflow, audit log and search entry) or absent, and running the file again writes the rest:
records are matched on `external_id`, so those already written come out "unchanged"."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models.case_study import CaseStudyPage
from ..models.organisations import PartnerOrganisation, normalised_name
from ..sourcecheck import SourcesMissing, check_record, library, sources_dir
from .exporting import case_study_record
from .format import canonical_record
from .indexing import IndexBatch
from .validation import RecordError, validate_record
from .wording import truncate
from .writing import latest_content, write_record


@dataclass
class RecordResult:
    index: int
    external_id: str
    outcome: str  # "created", "updated", "unchanged" or "failed"
    errors: list = field(default_factory=list)
    page: CaseStudyPage | None = None
    # A dry run's partner organisations that the bank does not hold yet (each named once per file).
    new_organisations: list = field(default_factory=list)
    # Source-check problems (casestudies.sourcecheck): shown to the editor, never blocking the import.
    warnings: list = field(default_factory=list)


def source_warnings(record):
    """The record's problems against the source documents, as RecordErrors (warnings only)."""
    try:
        lib = library()
    except SourcesMissing:
        return [RecordError("", f"Not checked against the sources: no source documents in {sources_dir()}.")]
    return [RecordError(p.where, f"{p.label}: {p.message}") for p in check_record(lib, record)]


def dry_run_outcome(record):
    existing = CaseStudyPage.objects.filter(external_id=record["external_id"]).first()
    if existing is None:
        return "created"
    if case_study_record(latest_content(existing)) == canonical_record(record):
        return "unchanged"
    return "updated"


def plan_new_organisations(result, record, planned):
    """Name on `result` the organisations writing `record` would create (`planned`: the
    normalised names earlier records of the file would already create)."""
    if result.outcome == "failed":
        return
    for partner in record.get("partners") or []:
        key = normalised_name(partner["name"])
        if key and key not in planned and PartnerOrganisation.objects.named(partner["name"]) is None:
            planned.add(key)
            result.new_organisations.append(" ".join(partner["name"].split()))


# Records per transaction: the most work a crash can undo, and how often progress is reported.
COMMIT_EVERY = 20


def import_records(
    records, index_page, publish=False, user=None, dry_run=False, submit_for_review=False, source="", progress=None
):
    """Validate and write every record, COMMIT_EVERY records per transaction. Returns RecordResults.

    A record is published only when `publish` is set (a trusted caller) *and* the record says
    `"publish": true`. `progress`, if given, is called with each RecordResult once the record
    is committed (in a dry run, as it is checked).
    """
    records = list(records)
    results = []
    seen_ids = {}
    planned = set()
    for start in range(0, len(records), 1 if dry_run else COMMIT_EVERY):
        group = records[start : start + (1 if dry_run else COMMIT_EVERY)]
        if dry_run:
            done = [import_record(start, group[0], seen_ids, index_page, publish, user, True, False, source, None)]
            plan_new_organisations(done[0], group[0], planned)
        else:
            done = import_group(start, group, seen_ids, index_page, publish, user, submit_for_review, source)
        results += done
        for result in done if progress is not None else ():
            progress(result)
    return results


def import_group(start, group, seen_ids, index_page, publish, user, submit_for_review, source):
    """Write a few records and their index entries in one transaction (each record in a savepoint)."""
    index_batch = IndexBatch()
    with transaction.atomic():
        done = [
            import_record(
                start + n, record, seen_ids, index_page, publish, user, False, submit_for_review, source, index_batch
            )
            for n, record in enumerate(group)
        ]
        index_batch.flush()
    return done


def import_record(index, record, seen_ids, index_page, publish, user, dry_run, submit_for_review, source, index_batch):
    """Check one record and, unless this is a dry run, write it."""
    errors = validate_record(record)
    external_id = record.get("external_id") if isinstance(record, dict) else None
    external_id = external_id if isinstance(external_id, str) else ""
    if external_id and external_id in seen_ids:
        errors.append(
            RecordError("external_id", f"“{truncate(external_id)}” is also used by record {seen_ids[external_id] + 1}.")
        )
    seen_ids.setdefault(external_id, index)
    if errors:
        return RecordResult(index, external_id, "failed", errors)
    if dry_run:
        result = RecordResult(index, external_id, dry_run_outcome(record))
    else:
        result = write_valid_record(index, record, index_page, publish, user, submit_for_review, source, index_batch)
    result.warnings = source_warnings(record)
    return result


def write_valid_record(index, record, index_page, publish, user, submit_for_review, source, index_batch=None):
    external_id = record["external_id"]
    try:
        outcome, page = write_record(
            record,
            index_page,
            publish=publish and record.get("publish") is True,
            user=user,
            submit_for_review=submit_for_review,
            source=source,
            index_batch=index_batch,
        )
    except ValidationError as exc:
        messages = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
        errors = [RecordError(f, m) for f, ms in messages.items() for m in ms]
        return RecordResult(index, external_id, "failed", errors)
    return RecordResult(index, external_id, outcome, page=page)


def summarise(results):
    counts = {"created": 0, "updated": 0, "unchanged": 0, "failed": 0}
    for result in results:
        counts[result.outcome] += 1
    return counts
