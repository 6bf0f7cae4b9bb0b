"""Writing one valid interchange record as a case-study page: created or updated as a new
revision, then published, submitted for review or left as a draft. Each record is written in
its own transaction, so a failure never leaves it half-imported."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.tasks import insert_or_update_object_task
from wagtail.log_actions import log
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published, published
from wagtail.tasks import update_reference_index_task

from ..models.case_study import CaseStudyPage
from ..models.case_study_rows import CaseStudyFeatureEvidence, CaseStudyPartner, CaseStudySource, ImpactMeasure
from ..models.organisations import PartnerOrganisation
from ..models.taxonomy import Barrier, Phase, PolicyLever, Purpose, Region, SuccessFeature
from .exporting import case_study_record
from .format import STORY_BLOCK_FIELDS, canonical_record, plain_to_rich_text
from .indexing import search_index_updates_deferred


def find_or_create_organisation(name, type_slug):
    name = " ".join(name.split())
    organisation = PartnerOrganisation.objects.named(name)
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
    page.reported_year = record.get("reported_year")
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
            sort_order=i,
            organisation=find_or_create_organisation(p["name"], p["type"]),
            role=p["role"],
            is_lead=p["lead"],
        )
        for i, p in enumerate(record["partners"])
    ]
    page.feature_evidence = [
        CaseStudyFeatureEvidence(sort_order=i, feature=features[f["feature"]], evidence=f["evidence"])
        for i, f in enumerate(record["success_features"])
    ]
    page.impact_measures = [ImpactMeasure(sort_order=i, **m) for i, m in enumerate(record["impact_measures"])]
    page.sources = [
        CaseStudySource(
            sort_order=i,
            title=s["title"],
            authors="\n".join(s.get("authors", [])),
            url=s["url"],
            publisher=s["publisher"],
            year=s["year"],
        )
        for i, s in enumerate(record["sources"])
    ]


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


def _write_record(record, index_page, publish, user, submit_for_review, source):
    canonical = canonical_record(record)
    existing = CaseStudyPage.objects.filter(external_id=canonical["external_id"]).first()
    if existing is not None:
        current = latest_content(existing)
        if case_study_record(current) == canonical and (
            not publish or (existing.live and not existing.has_unpublished_changes)
        ):
            return "unchanged", existing
        apply_record(current, canonical)
        current.change_summary = ""  # the last editor's summary belongs to their change only
        current.full_clean()
        revision = current.save_revision(user=user, log_action=True)
        outcome, page = "updated", existing
    else:
        page = CaseStudyPage(
            external_id=canonical["external_id"], slug=unique_slug(canonical["external_id"], index_page)
        )
        apply_record(page, canonical)
        page.live = False
        page.owner = user  # Wagtail logs the creation in the owner's name
        index_page.add_child(instance=page)  # validates the page (full_clean) as it saves
        revision = page.save_revision(user=user, log_action=False, clean=False)
        log(
            instance=page,
            action=IMPORT_LOG_ACTION,
            user=user,
            revision=revision,
            data={"outcome": "created", "source": source[:255]},
        )
        if publish:
            publish_first_revision(page, revision, user)
        elif submit_for_review:
            start_review(page, user)
        return "created", page
    log(
        instance=page,
        action=IMPORT_LOG_ACTION,
        user=user,
        revision=revision,
        data={"outcome": outcome, "source": source[:255]},
    )
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
