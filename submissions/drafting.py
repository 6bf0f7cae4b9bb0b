"""A submission → a draft case study in the review workflow (never published), and the
submitter's contact details in their own row beside it."""

import uuid

from django.db import transaction
from django.utils.text import slugify

from casestudies.interchange import validate_record, write_record
from casestudies.models import CaseStudyIndexPage, EvidenceType

from .models import SubmitterContact

SUMMARY_LENGTH = 380


class NotSaved(Exception):
    """The submission could not become a draft (no case-study index, or a record the format refuses)."""


def shorten(text, length):
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def paragraphs(text):
    return [{"type": "paragraph", "text": part.strip()} for part in text.split("\n\n") if part.strip()]


def record_for(data):
    """The interchange record of the draft: only what the partnership said, no contact detail."""
    story = [{"type": "heading", "text": "What the partners do together"}, *paragraphs(data["activity"])]
    story += [{"type": "heading", "text": "Why it shows these features"}, *paragraphs(data["features_why"])]
    if data["impact"]:
        story += [{"type": "heading", "text": "Impact reported by the partnership"}, *paragraphs(data["impact"])]
    if data["links"]:
        story += [{"type": "heading", "text": "Published evaluations"}]
        story += [{"type": "paragraph", "text": link} for link in data["links"]]
    slug = slugify(data["title"])[:60].strip("-")
    return {
        "external_id": "-".join(part for part in ("submitted", slug, uuid.uuid4().hex[:8]) if part),
        "title": data["title"],
        "summary": shorten(" ".join(data["activity"].split()), SUMMARY_LENGTH),
        "story": story,
        "partners": [{"name": name} for name in data["partners"]],
        "success_features": [
            {"feature": feature, "evidence": shorten(data["features_why"], 2000)} for feature in data["features"]
        ],
        # The least an account can be; editors assign the evidence type when they review it.
        "evidence_type": EvidenceType.NARRATIVE.value,
    }


def draft_from(data):
    """Create the draft and its contact row, and start its review; returns both."""
    index = CaseStudyIndexPage.get_solo()
    if index is None:
        raise NotSaved("There is no case-study index to put the draft under.")
    record = record_for(data)
    problems = validate_record(record)
    if problems:
        raise NotSaved(f"The submission does not make a valid record: {problems[:3]}")
    with transaction.atomic():
        _outcome, page = write_record(record, index, publish=False, submit_for_review=True)
        contact = SubmitterContact.objects.create(
            page=page, name=data["name"], role=data["role"], organisation=data["organisation"], email=data["email"]
        )
    return page, contact
