import threading

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection
from wagtail.models import Site

from casestudies.models import CaseStudyIndexPage, FindableVersion, readable

register = template.Library()

_links = {}  # (database, site, findable-content token) -> links
_lock = threading.Lock()


@register.simple_tag(takes_context=True)
def site_links(context):
    """The addresses of the site's top-level pages: "home", "case_studies" (the case-study
    index, whatever its slug) and each standard page by slug ("about", "methodology", …). A page
    that is missing, unpublished or private has no entry, so its link is left out, not broken.

    Publishing, unpublishing, moving, deleting or restricting a page moves the findable-content
    token (casestudies/signals.py), so the links are worked out once per change per process and
    cost one small query per request after that."""
    request = context.get("request")
    if request is not None and hasattr(request, "_site_links"):
        return request._site_links
    try:
        site = Site.find_for_request(request) if request is not None else None
        site = site or Site.objects.filter(is_default_site=True).first()
        links = links_for(site) if site is not None else {}
    except DatabaseError:  # the 500 page must still render when the database is the problem
        links = {}
    links = {"home": "/", **links}
    if request is not None:
        request._site_links = links
    return links


def links_for(site):
    key = (connection.settings_dict["NAME"], site.pk, FindableVersion.current())
    links = _links.get(key)
    if links is None:
        index_type = ContentType.objects.get_for_model(CaseStudyIndexPage).pk
        root = site.root_page
        links = {"home": root.relative_url(site)}
        for page in readable(root.get_children()):
            key_name = "case_studies" if page.content_type_id == index_type else page.slug
            links[key_name] = page.relative_url(site)
        with _lock:
            _links.clear()  # only the current version is ever read again
            _links[key] = links
    return links
