"""Validate interchange records and write them as case-study pages.

Each record is checked completely before anything is written, and written in its own
transaction, so a bad record is reported and never half-imported.
"""

import datetime
import json
import os
from dataclasses import dataclass, field
import threading
from contextlib import contextmanager
from functools import lru_cache

import jsonschema

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from wagtail.log_actions import log
from wagtail.signals import page_published, published
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task
from modelsearch.signal_handlers import post_save_signal_handler as search_post_save_handler
from modelsearch.backends import get_search_backends
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex

from .exporting import case_study_record
from .interchange import (
    CANONICAL_SLUGS,
    EVIDENCE_TYPES,
    LONG_TEXT_MAX,
    BODY_MAX,
    MAX_FILE_BYTES,
    SCHEMA_PATH,
    SCHEMA_VERSION,
    SHORT_TEXT_MAX,
    STORY_BLOCK_FIELDS,
    SUMMARY_MAX,
    TITLE_MAX,
    canonical_record,
    plain_to_rich_text,
)
from .models import (
    Barrier,
    CaseStudyFeatureEvidence,
    CaseStudyPage,
    CaseStudyPartner,
    CaseStudySource,
    ImpactMeasure,
    PartnerOrganisation,
    Phase,
    PolicyLever,
    Purpose,
    Region,
    SuccessFeature,
)
from .models.pages import EARLIEST_YEAR, latest_year


@dataclass
class RecordError:
    field: str
    message: str

    def __str__(self):
        return f"{self.field}: {self.message}" if self.field else self.message


@dataclass
class RecordResult:
    index: int
    external_id: str
    outcome: str  # "created", "updated", "unchanged" or "failed"
    errors: list = field(default_factory=list)
    page: CaseStudyPage | None = None


class DocumentError(Exception):
    """The file as a whole cannot be read: no record is looked at, nothing is written."""


def describe_size(size):
    return f"{size / (1024 * 1024):.1f} MB"


def check_file_size(size):
    if size > MAX_FILE_BYTES:
        raise DocumentError(
            f"The file is {describe_size(size)}; the largest file the importer accepts is "
            f"{describe_size(MAX_FILE_BYTES)}. Split it into smaller files and import each one."
        )


def read_document_file(path):
    """Read an interchange file from disk, refusing an oversized one before reading it."""
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise DocumentError(f"Cannot open the file {path}: {exc.strerror}.") from None
    check_file_size(size)
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise DocumentError(f"Cannot read the file {path}: {exc.strerror}.") from None
    return parse_document(data)


def read_uploaded_document(upload):
    """Read an uploaded file (Django UploadedFile); its size is known before any byte is read."""
    check_file_size(upload.size)
    upload.seek(0)
    return parse_document(upload.read(MAX_FILE_BYTES + 1))


def parse_document(data):
    """Return the list of records in an interchange document, or raise DocumentError."""
    check_file_size(len(data))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError("The file is not UTF-8 text. Save it as UTF-8 JSON and try again.") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            f"The file is not valid JSON: {exc.msg.lower()} at line {exc.lineno}, column {exc.colno}. "
            "Check for a missing comma, quote or bracket there."
        ) from None
    except RecursionError:
        raise DocumentError("The file is nested too deeply to be a case-study file.") from None
    if not isinstance(document, dict):
        raise DocumentError(
            'The file must be one JSON object like {"schema_version": 1, "case_studies": [ … ]}, '
            f"not {json_type(document)}."
        )
    if "schema_version" not in document:
        raise DocumentError(f'The file has no schema_version: add "schema_version": {SCHEMA_VERSION} at the top.')
    version = document["schema_version"]
    if isinstance(version, bool) or version != SCHEMA_VERSION:
        raise DocumentError(
            f"The file says schema_version {truncate(json.dumps(version))}; this bank reads version "
            f"{SCHEMA_VERSION} files only."
        )
    records = document.get("case_studies")
    if not isinstance(records, list):
        raise DocumentError('The file needs a "case_studies" list ([ … ]) holding the case studies.')
    unknown = sorted(set(document) - {"schema_version", "case_studies"})
    if unknown:
        raise DocumentError(
            f"The file has unexpected top-level fields: {', '.join(truncate(k, 40) for k in unknown)}. "
            "Only schema_version and case_studies belong there."
        )
    return records


@lru_cache(maxsize=1)
def record_schema_validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    record_schema = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/case_study"}
    return jsonschema.Draft202012Validator(record_schema)


def schema_path(error):
    path = ""
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def schema_message(error):
    """An editor-friendly wording of one JSON Schema error."""
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        names = ", ".join(f"“{truncate(name, 40)}”" for name in extra)
        verb = "is not a field" if len(extra) == 1 else "are not fields"
        return f"{names} {verb} of the format (check the spelling). Fields here are: {', '.join(allowed)}."
    if error.validator == "required":
        return "This is required and is missing."
    if error.validator == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = {"string": "text", "integer": "a whole number", "array": "a list", "object": "an object",
                 "boolean": "true or false", "null": "null", "number": "a number"}
        return f"Must be {' or '.join(words.get(t, t) for t in expected)}, not {json_type(error.instance)}."
    if error.validator == "maxLength":
        return f"Is too long: the limit is {error.validator_value} characters."
    if error.validator == "minLength":
        return "This is required and is empty."
    if error.validator in ("enum", "const"):
        return f"“{truncate(error.instance)}” is not an allowed value."
    if error.validator == "uniqueItems":
        return "Lists the same value twice: give each value once."
    return truncate(error.message, 200)


def schema_errors(record, already_reported=()):
    """Errors from the JSON Schema that the RecordValidator did not already explain better."""
    covered = {e.field for e in already_reported}
    errors = []
    for error in sorted(record_schema_validator().iter_errors(record), key=lambda e: list(map(str, e.absolute_path))):
        path = schema_path(error)
        if error.validator == "required":  # reported against the missing field, as RecordValidator does
            missing = error.message.split("'")[1]
            path = f"{path}.{missing}" if path else missing
        if path in covered or any(path.startswith(f"{c}.") or path.startswith(f"{c}[") for c in covered if c):
            continue
        if error.validator == "oneOf" and path.startswith("story"):
            continue  # a story block's own fields are checked by RecordValidator.story()
        covered.add(path)
        errors.append(RecordError(path, schema_message(error)))
    return errors


class RecordValidator:
    """Checks one record against the interchange rules and collects every problem in it."""

    def __init__(self, record):
        self.record = record
        self.errors = []

    def error(self, path, message):
        self.errors.append(RecordError(path, message))

    def validate(self):
        record = self.record
        if not isinstance(record, dict):
            self.error("", "Each case study must be a JSON object ({ … }).")
            return self.errors
        self.text("external_id", required=True, max_length=100)
        if isinstance(record.get("external_id"), str) and record["external_id"]:
            if slugify(record["external_id"]) != record["external_id"]:
                self.error(
                    "external_id",
                    "Use only lower-case letters, numbers and hyphens (for example 'kingston-foundation-degrees').",
                )
        self.text("title", required=True, max_length=TITLE_MAX)
        self.text("summary", required=True, max_length=SUMMARY_MAX)
        self.text("body", max_length=BODY_MAX)
        for name in ("local_authority",):
            self.text(name, max_length=100)
        for name in ("evidence_note", "funding_note", "barriers_note", "advice"):
            self.text(name, max_length=LONG_TEXT_MAX)
        self.story()
        self.partners()
        self.success_features()
        for facet in ("policy_levers", "purposes", "phases", "barriers"):
            self.slug_list(facet)
        for facet in ("region", "status", "formality", "funding_model"):
            self.slug(facet)
        self.evidence_type()
        self.years()
        self.impact_measures()
        self.sources()
        self.last_reviewed()
        if "publish" in record and not isinstance(record["publish"], bool):
            self.error("publish", "Must be true or false.")
        return self.errors

    # -- field checks ---------------------------------------------------------------------
    def text(self, name, required=False, max_length=SHORT_TEXT_MAX, container=None, path=None):
        container = self.record if container is None else container
        path = path or name
        value = container.get(name)
        if value is None or value == "":
            if required:
                self.error(path, "This is required and is missing or empty.")
            return
        if not isinstance(value, str):
            self.error(path, f"Must be text (in quotes), not {json_type(value)}.")
            return
        if required and not value.strip():
            self.error(path, "This is required and is blank.")
        if "\x00" in value:
            self.error(path, "Contains a null character, which cannot be stored.")
        if len(value) > max_length:
            self.error(path, f"Is {len(value)} characters long; the limit is {max_length}.")

    def list_of(self, name, kind="objects"):
        value = self.record.get(name, [])
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(name, f"Must be a list ([ … ]) of {kind}, not {json_type(value)}.")
            return []
        return value

    def slug_list(self, facet):
        values = self.list_of(facet, "slugs")
        for i, value in enumerate(values):
            self.check_slug(f"{facet}[{i}]", facet, value)

    def slug(self, facet):
        value = self.record.get(facet)
        if value is not None:
            self.check_slug(facet, facet, value)

    def check_slug(self, path, facet, value):
        allowed = CANONICAL_SLUGS[facet]
        if not isinstance(value, str):
            self.error(path, f"Must be one of the slugs {', '.join(allowed)}; got {json_type(value)}.")
        elif value not in allowed:
            self.error(path, f"“{truncate(value)}” is not a known value. Use one of: {', '.join(allowed)}.")

    def story(self):
        if "story" not in self.record:
            return
        for i, block in enumerate(self.list_of("story", "blocks")):
            path = f"story[{i}]"
            if not isinstance(block, dict) or block.get("type") not in STORY_BLOCK_FIELDS:
                self.error(path, f"Each story block needs a 'type' of {', '.join(STORY_BLOCK_FIELDS)}.")
                continue
            first, *rest = STORY_BLOCK_FIELDS[block["type"]]
            self.text(first, required=True, max_length=LONG_TEXT_MAX, container=block, path=f"{path}.{first}")
            for name in rest:
                self.text(name, container=block, path=f"{path}.{name}")

    def partners(self):
        seen = set()
        for i, partner in enumerate(self.list_of("partners")):
            path = f"partners[{i}]"
            if not isinstance(partner, dict):
                self.error(path, "Each partner must be an object with a 'name'.")
                continue
            self.text("name", required=True, container=partner, path=f"{path}.name")
            self.text("role", container=partner, path=f"{path}.role")
            if partner.get("type") is not None:
                self.check_slug(f"{path}.type", "partner_type", partner["type"])
            if "lead" in partner and not isinstance(partner["lead"], bool):
                self.error(f"{path}.lead", "Must be true or false.")
            name = partner.get("name")
            if isinstance(name, str):
                key = " ".join(name.split()).casefold()
                if key in seen:
                    self.error(f"{path}.name", f"“{truncate(name)}” is listed twice as a partner.")
                seen.add(key)

    def success_features(self):
        if "success_features" not in self.record:
            self.error("success_features", "At least one success feature with its evidence is required.")
            return
        entries = self.list_of("success_features")
        if not entries and isinstance(self.record.get("success_features"), list):
            self.error("success_features", "At least one success feature with its evidence is required.")
        seen = set()
        for i, entry in enumerate(entries):
            path = f"success_features[{i}]"
            if not isinstance(entry, dict):
                self.error(path, "Each entry must be an object with 'feature' and 'evidence'.")
                continue
            if entry.get("feature") is None:
                self.error(f"{path}.feature", "Name the feature by its slug.")
            else:
                self.check_slug(f"{path}.feature", "success_features", entry["feature"])
            self.text("evidence", required=True, max_length=LONG_TEXT_MAX, container=entry, path=f"{path}.evidence")
            if entry.get("feature") in seen:
                self.error(f"{path}.feature", f"“{entry['feature']}” appears twice: give each feature once.")
            seen.add(entry.get("feature") if isinstance(entry.get("feature"), str) else None)

    def evidence_type(self):
        value = self.record.get("evidence_type")
        if value is None:
            self.error("evidence_type", "Required: 1 (narrative), 2 (empirical enquiry) or 3 (causal).")
        elif isinstance(value, bool) or value not in EVIDENCE_TYPES:
            self.error("evidence_type", f"Must be the number 1, 2 or 3; got {truncate(repr(value))}.")

    def years(self):
        upper = latest_year()
        for name in ("start_year", "end_year"):
            value = self.record.get(name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int):
                self.error(name, f"Must be a whole year such as 2019, not {json_type(value)}.")
            elif not EARLIEST_YEAR <= value <= upper:
                self.error(name, f"{value} is outside the range {EARLIEST_YEAR}–{upper}.")
        start, end = self.record.get("start_year"), self.record.get("end_year")
        if isinstance(start, int) and isinstance(end, int) and end < start:
            self.error("end_year", f"The end year ({end}) is before the start year ({start}).")

    def impact_measures(self):
        for i, m in enumerate(self.list_of("impact_measures")):
            path = f"impact_measures[{i}]"
            if not isinstance(m, dict):
                self.error(path, "Each impact measure must be an object with a 'measure'.")
                continue
            self.text("measure", required=True, container=m, path=f"{path}.measure")
            for name in ("baseline", "result"):
                self.text(name, max_length=100, container=m, path=f"{path}.{name}")
            self.text("source", container=m, path=f"{path}.source")

    def sources(self):
        for i, s in enumerate(self.list_of("sources")):
            path = f"sources[{i}]"
            if not isinstance(s, dict):
                self.error(path, "Each source must be an object with a 'title'.")
                continue
            self.text("title", required=True, container=s, path=f"{path}.title")
            self.text("publisher", container=s, path=f"{path}.publisher")
            self.text("url", max_length=500, container=s, path=f"{path}.url")
            url = s.get("url")
            if isinstance(url, str) and url:
                try:
                    URLValidator(schemes=["http", "https"])(url)
                except ValidationError:
                    self.error(f"{path}.url", "Is not a web address starting http:// or https://.")
            year = s.get("year")
            if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100):
                self.error(f"{path}.year", "Must be a year such as 2024.")

    def last_reviewed(self):
        value = self.record.get("last_reviewed")
        if value is None:
            return
        try:
            datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            self.error("last_reviewed", "Must be a date written YYYY-MM-DD.")


def json_type(value):
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def truncate(text, length=60):
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


# -- writing --------------------------------------------------------------------------------

def find_or_create_organisation(name, type_slug):
    name = " ".join(name.split())
    organisation = PartnerOrganisation.objects.filter(name__iexact=name).first()
    if organisation is None:
        organisation = PartnerOrganisation.objects.create(name=name, type=type_slug or "other")
    return organisation


def apply_record(page, record):
    """Copy a canonical record onto a page object (in memory, including its child relations)."""
    page.title = record["title"]
    page.summary = record["summary"]
    page.story = [story_block(b) for b in record["story"]]
    page.local_authority = record["local_authority"]
    page.start_year = record["start_year"]
    page.end_year = record["end_year"]
    page.status = record["status"] or ""
    page.formality = record["formality"] or ""
    page.funding_model = record["funding_model"] or ""
    page.funding_note = record["funding_note"]
    page.evidence_type = record["evidence_type"]
    page.evidence_note = record["evidence_note"]
    page.barriers_note = record["barriers_note"]
    page.advice = record["advice"]
    page.last_reviewed = datetime.date.fromisoformat(record["last_reviewed"]) if record["last_reviewed"] else None
    page.region = Region.objects.get(slug=record["region"]) if record["region"] else None
    page.policy_levers = list(PolicyLever.objects.filter(slug__in=record["policy_levers"]))
    page.purposes = list(Purpose.objects.filter(slug__in=record["purposes"]))
    page.phases = list(Phase.objects.filter(slug__in=record["phases"]))
    page.barriers = list(Barrier.objects.filter(slug__in=record["barriers"]))
    features = {f.slug: f for f in SuccessFeature.objects.all()}
    # Explicit sort_order keeps the file's order: without it PostgreSQL returns rows in any order.
    page.partners = [
        CaseStudyPartner(
            sort_order=i, organisation=find_or_create_organisation(p["name"], p["type"]), role=p["role"], is_lead=p["lead"]
        )
        for i, p in enumerate(record["partners"])
    ]
    page.feature_evidence = [
        CaseStudyFeatureEvidence(sort_order=i, feature=features[f["feature"]], evidence=f["evidence"])
        for i, f in enumerate(record["success_features"])
    ]
    page.impact_measures = [ImpactMeasure(sort_order=i, **m) for i, m in enumerate(record["impact_measures"])]
    page.sources = [CaseStudySource(sort_order=i, **s) for i, s in enumerate(record["sources"])]


def story_block(block):
    kind = block["type"]
    if kind == "paragraph":
        return ("paragraph", plain_to_rich_text(block["text"]))
    if kind == "heading":
        return ("heading", {"text": block["text"], "level": "h2"})
    return (kind, {k: block[k] for k in STORY_BLOCK_FIELDS[kind]})


def latest_content(page):
    """The page as its newest revision (which may be an unpublished draft) has it."""
    return page.get_latest_revision_as_object() if page.has_unpublished_changes else page


IMPORT_LOG_ACTION = "casestudies.import"


@transaction.atomic
def write_record(record, index_page, publish=False, user=None, submit_for_review=False, source="", index_batch=None):
    """Create or update the case study for a *valid* record. Returns (outcome, page).

    `publish` publishes the new revision; `submit_for_review` instead starts the page's
    workflow (the editors' route, which never publishes). With an `index_batch`, the page's
    search and reference index entries are left to the batch.
    """
    # Wagtail re-indexes a page's references on every save of the page and of each child row,
    # and its search entry on every page save (a dozen and three times per record): do each
    # once instead.
    with disable_reference_index_auto_update(), search_index_updates_deferred():
        outcome, page = _write_record(record, index_page, publish, user, submit_for_review, source)
    if outcome != "unchanged":
        if index_batch is not None:
            index_batch.add(page)
        else:
            update_reference_index_task.enqueue(page._meta.app_label, page._meta.model_name, str(page.pk))
            insert_or_update_object_task.enqueue(page._meta.app_label, page._meta.model_name, str(page.pk))
    return outcome, page


class IndexBatch:
    """Search and reference indexing for the pages an import writes, done in bulk.

    Indexing one page at a time costs a third of an import's time (and, on SQLite, grows with
    the size of the index); in batches of 50 with the related rows prefetched it is cheap. A
    crash mid-batch leaves at most 50 pages to `manage.py update_index`.
    """

    size = 50

    def __init__(self):
        self.pks = []

    def add(self, page):
        self.pks.append(page.pk)
        if len(self.pks) >= self.size:
            self.flush()

    def flush(self):
        if not self.pks:
            return
        pages = list(
            CaseStudyPage.objects.filter(pk__in=self.pks)
            .select_related("region")
            .prefetch_related("partners__organisation", "feature_evidence", "impact_measures")
        )
        self.pks = []
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(CaseStudyPage, pages)
        for page in pages:
            with transaction.atomic():
                ReferenceIndex.create_or_update_for_object(page)


_search_deferral = threading.local()
_install_lock = threading.Lock()


def _index_unless_deferred(sender, instance, **kwargs):
    if not getattr(_search_deferral, "active", False):
        search_post_save_handler(instance=instance, **kwargs)


def install_deferrable_search_indexing():
    """Swap modelsearch's save handler for case studies for one that a thread can pause.

    The swap is made once and behaves identically unless the current thread is importing, so
    saves in other threads are indexed as usual.
    """
    with _install_lock:
        if post_save.disconnect(search_post_save_handler, sender=CaseStudyPage):
            post_save.connect(_index_unless_deferred, sender=CaseStudyPage, weak=False,
                              dispatch_uid="casestudies_deferrable_search_index")


@contextmanager
def search_index_updates_deferred():
    install_deferrable_search_indexing()
    _search_deferral.active = True
    try:
        yield
    finally:
        _search_deferral.active = False


def _write_record(record, index_page, publish, user, submit_for_review, source):
    canonical = canonical_record(record)
    existing = CaseStudyPage.objects.filter(external_id=canonical["external_id"]).first()
    if existing is not None:
        current = latest_content(existing)
        if case_study_record(current) == canonical and (not publish or (existing.live and not existing.has_unpublished_changes)):
            return "unchanged", existing
        apply_record(current, canonical)
        current.full_clean()
        revision = current.save_revision(user=user, log_action=True)
        outcome, page = "updated", existing
    else:
        page = CaseStudyPage(external_id=canonical["external_id"], slug=unique_slug(canonical["external_id"], index_page))
        apply_record(page, canonical)
        page.live = False
        page.owner = user  # Wagtail logs the creation in the owner's name
        index_page.add_child(instance=page)  # validates the page (full_clean) as it saves
        revision = page.save_revision(user=user, log_action=False, clean=False)
        log(instance=page, action=IMPORT_LOG_ACTION, user=user, revision=revision,
            data={"outcome": "created", "source": source[:255]})
        if publish:
            publish_first_revision(page, revision, user)
        elif submit_for_review:
            start_review(page, user)
        return "created", page
    log(instance=page, action=IMPORT_LOG_ACTION, user=user, revision=revision, data={"outcome": outcome, "source": source[:255]})
    if publish:
        # Only trusted callers (the command line, the demo loader) pass publish=True; `user`
        # is who the audit log names, not a permission check.
        revision.publish(user=user, skip_permission_checks=True)
    elif submit_for_review:
        start_review(page, user)
    return outcome, page


def publish_first_revision(page, revision, user):
    """Publish a page created a moment ago, with the same end state, signals and log entry as
    Wagtail's publish action.

    The action rebuilds the page from the revision's JSON and saves it and every child row
    again, which is 40% of the cost of importing a new record. A new page's first revision
    holds exactly what was just saved (no aliases, workflow, comments or go-live date yet),
    so only the publishing fields need to change.
    """
    now = timezone.now()
    fields = {
        "live": True,
        "has_unpublished_changes": False,
        "expired": False,
        "first_published_at": now,
        "last_published_at": now,
        "live_revision": revision,
    }
    CaseStudyPage.objects.filter(pk=page.pk).update(**fields)
    for name, value in fields.items():
        setattr(page, name, value)
    page_published.send(sender=CaseStudyPage, instance=page, revision=revision)
    published.send(sender=CaseStudyPage, instance=page, revision=revision)
    log(instance=page, action="wagtail.publish", user=user, revision=revision, content_changed=True)


def start_review(page, user):
    """Submit the page's latest revision to its workflow, restarting one already under way."""
    page = CaseStudyPage.objects.get(pk=page.pk)
    workflow = page.get_workflow()
    if workflow is None:
        return
    state = page.current_workflow_state
    if state is not None:
        state.cancel(user=user)
        page = CaseStudyPage.objects.get(pk=page.pk)
    workflow.start(page, user)


def unique_slug(base, parent):
    base = slugify(base)[:70] or "case-study"
    slug, n = base, 2
    while parent.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def validate_record(record):
    errors = RecordValidator(record).validate()
    if isinstance(record, dict):
        errors += schema_errors(record, already_reported=errors)
    return errors


def dry_run_outcome(record):
    existing = CaseStudyPage.objects.filter(external_id=record["external_id"]).first()
    if existing is None:
        return "created"
    if case_study_record(latest_content(existing)) == canonical_record(record):
        return "unchanged"
    return "updated"


def import_records(records, index_page, publish=False, user=None, dry_run=False, submit_for_review=False,
                   source="", progress=None):
    """Validate and write every record, each in its own transaction. Returns RecordResults.

    A record is published only when `publish` is set (a trusted caller) *and* the record says
    `"publish": true`. `progress`, if given, is called with each RecordResult as it is made.
    """
    results = []
    seen_ids = {}
    index_batch = IndexBatch()
    try:
        for index, record in enumerate(records):
            result = import_record(index, record, seen_ids, index_page, publish, user, dry_run, submit_for_review,
                                   source, index_batch)
            results.append(result)
            if progress is not None:
                progress(result)
    finally:
        index_batch.flush()
    return results


def import_record(index, record, seen_ids, index_page, publish, user, dry_run, submit_for_review, source, index_batch):
    """Check one record and, unless this is a dry run, write it."""
    errors = validate_record(record)
    external_id = record.get("external_id") if isinstance(record, dict) else None
    external_id = external_id if isinstance(external_id, str) else ""
    if external_id and external_id in seen_ids:
        errors.append(RecordError("external_id", f"“{truncate(external_id)}” is also used by record {seen_ids[external_id]}."))
    seen_ids.setdefault(external_id, index)
    if errors:
        return RecordResult(index, external_id, "failed", errors)
    if dry_run:
        return RecordResult(index, external_id, dry_run_outcome(record))
    return write_valid_record(index, record, index_page, publish, user, submit_for_review, source, index_batch)


def write_valid_record(index, record, index_page, publish, user, submit_for_review, source, index_batch=None):
    external_id = record["external_id"]
    try:
        outcome, page = write_record(
            record, index_page, publish=publish and record.get("publish") is True, user=user,
            submit_for_review=submit_for_review, source=source, index_batch=index_batch,
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
