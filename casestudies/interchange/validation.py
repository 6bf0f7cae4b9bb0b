"""Checking one interchange record completely, before anything is written: the format's
rules in `RecordValidator` (with messages for editors), then the JSON Schema for anything
those rules do not already explain."""

import datetime
import json
from dataclasses import dataclass
from functools import lru_cache

import jsonschema
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import slugify

from ..rules import EARLIEST_YEAR, SUMMARY_MAX_LENGTH, TITLE_MAX_LENGTH, latest_year
from .format import (
    BODY_MAX,
    CANONICAL_SLUGS,
    EVIDENCE_TYPES,
    LONG_TEXT_MAX,
    MAX_AUTHORS,
    SCHEMA_PATH,
    SHORT_TEXT_MAX,
    STORY_BLOCK_FIELDS,
)
from .wording import json_type, truncate


@dataclass
class RecordError:
    field: str
    message: str

    def __str__(self):
        return f"{self.field}: {self.message}" if self.field else self.message


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
        words = {
            "string": "text",
            "integer": "a whole number",
            "array": "a list",
            "object": "an object",
            "boolean": "true or false",
            "null": "null",
            "number": "a number",
        }
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
        self.text("title", required=True, max_length=TITLE_MAX_LENGTH)
        self.text("summary", required=True, max_length=SUMMARY_MAX_LENGTH)
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
        self.reported_year()
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

    def objects_in(self, name, not_an_object):
        """(path, item) for each object in the list `name`; other items are reported."""
        for i, item in enumerate(self.list_of(name)):
            if isinstance(item, dict):
                yield f"{name}[{i}]", item
            else:
                self.error(f"{name}[{i}]", not_an_object)

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
        for path, partner in self.objects_in("partners", "Each partner must be an object with a 'name'."):
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
        if self.record["success_features"] == []:
            self.error("success_features", "At least one success feature with its evidence is required.")
        seen = set()
        for path, entry in self.objects_in(
            "success_features", "Each entry must be an object with 'feature' and 'evidence'."
        ):
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

    def reported_year(self):
        value = self.record.get("reported_year")
        if value is None:
            return
        this_year = datetime.date.today().year
        if isinstance(value, bool) or not isinstance(value, int):
            self.error("reported_year", f"Must be a whole year such as 2014, not {json_type(value)}.")
        elif not EARLIEST_YEAR <= value <= this_year:
            self.error(
                "reported_year",
                f"{value} is outside the range {EARLIEST_YEAR}–{this_year}: give the year the evidence describes.",
            )

    def impact_measures(self):
        for path, m in self.objects_in("impact_measures", "Each impact measure must be an object with a 'measure'."):
            self.text("measure", required=True, container=m, path=f"{path}.measure")
            for name in ("baseline", "result"):
                self.text(name, max_length=100, container=m, path=f"{path}.{name}")
            self.text("source", container=m, path=f"{path}.source")

    def sources(self):
        for path, s in self.objects_in("sources", "Each source must be an object with a 'title'."):
            self.text("title", required=True, container=s, path=f"{path}.title")
            self.text("publisher", container=s, path=f"{path}.publisher")
            self.text("url", max_length=500, container=s, path=f"{path}.url")
            url = s.get("url")
            if isinstance(url, str) and url:
                try:
                    URLValidator(schemes=["http", "https"])(url)
                except ValidationError:
                    self.error(f"{path}.url", "Is not a web address starting http:// or https://.")
            self.authors(s, f"{path}.authors")
            year = s.get("year")
            if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100):
                self.error(f"{path}.year", "Must be a year such as 2024.")

    def authors(self, source, path):
        value = source.get("authors")
        if value is None:
            return
        if not isinstance(value, list):
            self.error(path, f'Must be a list of names, such as ["Vainker, Ed"], not {json_type(value)}.')
            return
        if len(value) > MAX_AUTHORS:
            self.error(path, f"Lists {len(value)} names; the limit is {MAX_AUTHORS}.")
        for i, name in enumerate(value):
            if not isinstance(name, str) or not name.strip():
                self.error(f"{path}[{i}]", 'Each author must be a name in quotes, such as "Vainker, Ed".')
            elif "\n" in name or "\r" in name or "\x00" in name:
                self.error(f"{path}[{i}]", "A name must be on one line: give each author as a separate entry.")
            elif len(name) > SHORT_TEXT_MAX:
                self.error(f"{path}[{i}]", f"Is {len(name)} characters long; the limit is {SHORT_TEXT_MAX}.")

    def last_reviewed(self):
        value = self.record.get("last_reviewed")
        if value is None:
            return
        try:
            datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            self.error("last_reviewed", "Must be a date written YYYY-MM-DD.")


def validate_record(record):
    errors = RecordValidator(record).validate()
    if isinstance(record, dict):
        errors += schema_errors(record, already_reported=errors)
    return errors
