"""The case-study interchange format, version 1 (docs/interchange.md).

One canonical dictionary shape is shared by import and export, so that a record read from a
file and a record written from a page can be compared field by field: that comparison is what
makes import idempotent and export→import→export a fixed point.
"""

import datetime
import html
import re
from pathlib import Path

from django.utils.html import strip_tags

from ..models.choices import EvidenceType, Formality, FundingModel, PartnerType, Status
from ..models.taxonomy import Barrier, Phase, PolicyLever, Purpose, Region, SuccessFeature

SCHEMA_VERSION = 1

SHORT_TEXT_MAX = 255
LONG_TEXT_MAX = 20_000
BODY_MAX = 100_000
MAX_AUTHORS = 50  # names per source
# A 1,000-record file with long stories is about 5 MB; four times that is still a comfortable
# upload, and refusing larger files before parsing keeps memory use bounded.
MAX_FILE_BYTES = 20 * 1024 * 1024
SCHEMA_PATH = Path(__file__).resolve().parent / "schema.json"

# Fields beyond the published version-1 list that this bank reads and writes. Other banks may
# ignore them; a file without them is still a complete version-1 file.
EXTENSION_FIELDS = ("story", "funding_note", "barriers_note", "advice", "last_reviewed")

# Interchange field -> its canonical slugs (defined once, on the models).
CANONICAL_SLUGS = {
    "success_features": list(SuccessFeature.CANONICAL_SLUGS),
    "policy_levers": list(PolicyLever.CANONICAL_SLUGS),
    "purposes": list(Purpose.CANONICAL_SLUGS),
    "phases": list(Phase.CANONICAL_SLUGS),
    "region": list(Region.CANONICAL_SLUGS),
    "partner_type": list(PartnerType.values),
    "status": list(Status.values),
    "formality": list(Formality.values),
    "funding_model": list(FundingModel.values),
    "barriers": list(Barrier.CANONICAL_SLUGS),
}
EVIDENCE_TYPES = tuple(EvidenceType.values)


def in_canonical_order(facet, slugs):
    order = CANONICAL_SLUGS[facet]
    return sorted(set(slugs), key=order.index)


STORY_BLOCK_FIELDS = {
    "heading": ("text",),
    "paragraph": ("text",),
    "quote": ("quote", "attribution"),
    "key_fact": ("figure", "label", "source"),
}


def paragraphs_from_body(body):
    return [p.strip() for p in re.split(r"\n\s*\n", body or "") if p.strip()]


def story_from_body(body):
    return [{"type": "paragraph", "text": " ".join(p.split())} for p in paragraphs_from_body(body)]


def body_from_story(story):
    return "\n\n".join(block["text"] for block in story if block["type"] in ("heading", "paragraph"))


def rich_text_to_plain(value):
    """Turn a rich-text paragraph back into the plain text it was imported from."""
    text = re.sub(r"</p>\s*<p[^>]*>", "\n\n", str(value))
    text = re.sub(r"<br\s*/?>", "\n", text)
    return html.unescape(strip_tags(text)).strip()


def plain_to_rich_text(text):
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs_from_body(text)) or "<p></p>"


def canonical_source(source):
    """A source with defaults filled; `authors` (additive) appears only when there are any."""
    canonical = {
        "title": source["title"],
        "url": source.get("url") or "",
        "publisher": source.get("publisher") or "",
        "year": source.get("year"),
    }
    authors = [" ".join(name.split()) for name in source.get("authors") or [] if name and name.strip()]
    if authors:
        canonical = {"title": canonical.pop("title"), "authors": authors, **canonical}
    return canonical


def with_reported_year(record, reported_year):
    """`reported_year` (additive) appears, after `status`, only when it is set."""
    if reported_year is None:
        return record
    ordered = {}
    for key, value in record.items():
        ordered[key] = value
        if key == "status":
            ordered["reported_year"] = reported_year
    return ordered


def canonical_story(story):
    """Each block with exactly its type's fields, an absent one as ""."""
    return [{"type": b["type"], **{k: b.get(k) or "" for k in STORY_BLOCK_FIELDS[b["type"]]}} for b in story]


def canonical_record(record):
    """Fill defaults and derive story/body from each other, so that equal content compares equal.
    The additive fields `reported_year` and `sources[].authors` appear only when set, so a
    version-1 record without them reads and writes exactly as before."""
    story = canonical_story(record.get("story") or story_from_body(record.get("body", "")))
    last_reviewed = record.get("last_reviewed")
    if isinstance(last_reviewed, datetime.date):
        last_reviewed = last_reviewed.isoformat()
    canonical = {
        "external_id": record["external_id"],
        "title": record["title"],
        "summary": record["summary"],
        "body": body_from_story(story),
        "story": story,
        "partners": [
            {
                "name": p["name"],
                "type": p.get("type") or "other",
                "role": p.get("role") or "",
                "lead": bool(p.get("lead", False)),
            }
            for p in record.get("partners", [])
        ],
        "success_features": [{"feature": f["feature"], "evidence": f["evidence"]} for f in record["success_features"]],
        "policy_levers": in_canonical_order("policy_levers", record.get("policy_levers", [])),
        "purposes": in_canonical_order("purposes", record.get("purposes", [])),
        "phases": in_canonical_order("phases", record.get("phases", [])),
        "region": record.get("region"),
        "local_authority": record.get("local_authority") or "",
        "start_year": record.get("start_year"),
        "end_year": record.get("end_year"),
        "status": record.get("status"),
        "formality": record.get("formality"),
        "funding_model": record.get("funding_model"),
        "funding_note": record.get("funding_note") or "",
        "evidence_type": record["evidence_type"],
        "evidence_note": record.get("evidence_note") or "",
        "impact_measures": [
            {
                "measure": m["measure"],
                "baseline": m.get("baseline") or "",
                "result": m.get("result") or "",
                "source": m.get("source") or "",
            }
            for m in record.get("impact_measures", [])
        ],
        "barriers": in_canonical_order("barriers", record.get("barriers", [])),
        "barriers_note": record.get("barriers_note") or "",
        "advice": record.get("advice") or "",
        "sources": [canonical_source(s) for s in record.get("sources") or []],
        "last_reviewed": last_reviewed,
    }
    return with_reported_year(canonical, record.get("reported_year"))
