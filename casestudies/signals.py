"""Bump `FindableVersion` whenever anything a reader can find, filter or count by changes, so
every process brings its facet index (`finder/facet_index.py`) up to date and rebuilds its site
links (`home/templatetags/site_tags.py`) on its next request. A change to one page without
children is recorded with the page's id, so the facet index can patch that page in or out
rather than rebuild."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from modelsearch.index import insert_or_update_object
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import (
    Barrier,
    CaseStudyPage,
    FindableVersion,
    PartnerOrganisation,
    Phase,
    PolicyLever,
    PublishedVersion,
    Purpose,
    Region,
    SuccessFeature,
    SynonymGroup,
)
from .semantic.vectors import embed_case_study, remove_vectors

# Page types whose publications are numbered versions with a versioned link.
VERSIONED_PAGE_TYPES = (CaseStudyPage,)

UID = "findable-content-changed"


def findable_content_changed(sender, instance=None, signal=None, **kwargs):
    with transaction.atomic():
        if signal is page_published:
            # Wagtail 7 updates the search index in a background task (production's db_worker,
            # seconds later, or never if none runs). A search made between the token's move and
            # that update would find the old words and be cached under the new token; so the
            # published page's words are indexed here, committed with the token.
            insert_or_update_object(instance)
        elif signal is post_save and sender in SEARCHED_THROUGH:
            # A case study's search words include its partners' names and its barriers' and
            # purposes' names (CaseStudyPage.search_fields), which nothing else re-indexes.
            for page in CaseStudyPage.objects.filter(**{SEARCHED_THROUGH[sender]: instance}).distinct():
                insert_or_update_object(page)
        FindableVersion.bump(page_id=single_page_changed(instance))


# What a case study's search words take from other rows: the lookup from the page to each.
SEARCHED_THROUGH = {PartnerOrganisation: "partners__organisation", Barrier: "barriers", Purpose: "purposes"}


def single_page_changed(instance):
    """The page's id when the change is that page's alone: a page without children published,
    unpublished, moved or deleted (a case study, or a page no case study lies under). A page
    with children, or anything else, returns None, and every facet index rebuilds."""
    if isinstance(instance, Page) and instance.pk is not None and not instance.numchild:
        return instance.pk
    return None


def case_study_vectors(sender, instance, signal=None, **kwargs):
    """Embed a published case study through the task worker; drop an unpublished one's vectors
    at once (a deleted one's go with its row)."""
    if not isinstance(instance, CaseStudyPage):
        return
    if signal is page_published:
        if settings.SEMANTIC_EMBED_ON_PUBLISH and settings.SEMANTIC_SEARCH_ENABLED:
            embed_case_study.enqueue(instance.pk)
    else:
        remove_vectors(instance.pk)


def record_published_version(sender, instance, revision=None, **kwargs):
    if revision is None or not isinstance(instance, VERSIONED_PAGE_TYPES):
        return
    published_at = instance.last_published_at or revision.created_at
    PublishedVersion.record(instance, revision, published_at, getattr(instance, "change_summary", ""))


def connect():
    page_published.connect(record_published_version, dispatch_uid="record-published-version")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(findable_content_changed, dispatch_uid=UID)
    for signal in (page_published, page_unpublished):
        signal.connect(case_study_vectors, dispatch_uid="case-study-vectors")
    # Deleting a page deletes its descendants with a queryset, which still sends post_delete
    # per row; restrictions make pages private; terms, organisations and synonyms change what
    # facets say and what a search finds; a site's root page decides its links.
    post_delete.connect(findable_content_changed, sender=Page, dispatch_uid=UID)
    for model in (
        PageViewRestriction,
        Site,
        PartnerOrganisation,
        SynonymGroup,
        SuccessFeature,
        PolicyLever,
        Purpose,
        Phase,
        Region,
        Barrier,
    ):
        post_save.connect(findable_content_changed, sender=model, dispatch_uid=UID)
        post_delete.connect(findable_content_changed, sender=model, dispatch_uid=UID)
