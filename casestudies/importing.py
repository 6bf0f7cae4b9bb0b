"""Validate interchange records and write them as case-study pages.

Each record is checked completely before anything is written, and written in its own
transaction, so a bad record is reported and never half-imported.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify

from .exporting import case_study_record
from .interchange import (
    CANONICAL_SLUGS,
    EVIDENCE_TYPES,
    LONG_TEXT_MAX,
    BODY_MAX,
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
    page.partners = [
        CaseStudyPartner(organisation=find_or_create_organisation(p["name"], p["type"]), role=p["role"], is_lead=p["lead"])
        for p in record["partners"]
    ]
    page.feature_evidence = [
        CaseStudyFeatureEvidence(feature=features[f["feature"]], evidence=f["evidence"])
        for f in record["success_features"]
    ]
    page.impact_measures = [ImpactMeasure(**m) for m in record["impact_measures"]]
    page.sources = [CaseStudySource(**s) for s in record["sources"]]


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


@transaction.atomic
def write_record(record, index_page, publish=False, user=None):
    """Create or update the case study for a *valid* record. Returns (outcome, page)."""
    canonical = canonical_record(record)
    existing = CaseStudyPage.objects.filter(external_id=canonical["external_id"]).first()
    if existing is not None:
        current = latest_content(existing)
        if case_study_record(current) == canonical and (not publish or (existing.live and not existing.has_unpublished_changes)):
            return "unchanged", existing
        apply_record(current, canonical)
        current.full_clean()
        revision = current.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
        return "updated", existing
    page = CaseStudyPage(external_id=canonical["external_id"], slug=unique_slug(canonical["external_id"], index_page))
    apply_record(page, canonical)
    page.live = False
    index_page.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return "created", page


def unique_slug(base, parent):
    base = slugify(base)[:70] or "case-study"
    slug, n = base, 2
    while parent.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def import_records(records, index_page, publish=False, user=None, dry_run=False):
    """Validate and write every record, each in its own transaction. Returns RecordResults."""
    results = []
    seen_ids = {}
    for index, record in enumerate(records):
        errors = RecordValidator(record).validate()
        external_id = record.get("external_id") if isinstance(record, dict) else None
        external_id = external_id if isinstance(external_id, str) else ""
        if external_id and external_id in seen_ids:
            errors.append(RecordError("external_id", f"“{external_id}” is also used by record {seen_ids[external_id]}."))
        seen_ids.setdefault(external_id, index)
        if errors:
            results.append(RecordResult(index, external_id, "failed", errors))
            continue
        if dry_run:
            exists = CaseStudyPage.objects.filter(external_id=external_id).exists()
            results.append(RecordResult(index, external_id, "updated" if exists else "created"))
            continue
        try:
            outcome, page = write_record(record, index_page, publish=publish and record.get("publish") is True, user=user)
        except ValidationError as exc:
            messages = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
            errors = [RecordError(f, m) for f, ms in messages.items() for m in ms]
            results.append(RecordResult(index, external_id, "failed", errors))
            continue
        results.append(RecordResult(index, external_id, outcome, page=page))
    return results
