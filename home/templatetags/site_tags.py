from django import template
from django.db import DatabaseError
from wagtail.models import Site

from casestudies.models import CaseStudyIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def site_links(context):
    """The addresses of the site's top-level pages: "home", "case_studies" (the case-study
    index, whatever its slug) and each standard page by slug ("about", "methodology", …).
    Looked up once per request; a page that is missing or unpublished has no entry, so its
    link is left out rather than broken."""
    request = context.get("request")
    cached = getattr(request, "_site_links", None)
    if cached is not None:
        return cached
    links = {}
    try:
        site = (
            Site.find_for_request(request) if request is not None else Site.objects.filter(is_default_site=True).first()
        )
        if site is not None:
            root = site.root_page
            links["home"] = root.get_url(request)
            for page in root.get_children().live().public().specific(defer=True):
                key = "case_studies" if isinstance(page, CaseStudyIndexPage) else page.slug
                links[key] = page.get_url(request)
    except DatabaseError:  # the 500 page must still render when the database is the problem
        links = {}
    links.setdefault("home", "/")
    if request is not None:
        request._site_links = links
    return links
