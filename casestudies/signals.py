"""Bump `FindableVersion` whenever anything a reader can find, filter or count by changes, so
every process rebuilds its facet index (`finder/facet_index.py`) and its site links
(`home/templatetags/site_tags.py`) on its next request."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import (
    Barrier,
    FindableVersion,
    PartnerOrganisation,
    Phase,
    PolicyLever,
    Purpose,
    Region,
    SuccessFeature,
    SynonymGroup,
)

UID = "findable-content-changed"


def findable_content_changed(**kwargs):
    FindableVersion.bump()


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(findable_content_changed, dispatch_uid=UID)
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
