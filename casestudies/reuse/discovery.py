"""What lets search engines and reference tools find the bank: sitemap.xml (every live, public
page with its last change) and robots.txt naming it, every address from the one site address."""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from ..addresses import absolute_url
from ..models import readable


def public_pages(request):
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    root = site.root_page
    return (
        readable(Page.objects.descendant_of(root, inclusive=True))
        .order_by("path")
        .only("id", "path", "depth", "url_path", "last_published_at", "latest_revision_created_at")
    )


@require_safe
def sitemap(request):
    entries = []
    for page in public_pages(request):
        url = page.get_url(request)
        if not url:
            continue
        changed = page.last_published_at or page.latest_revision_created_at
        entries.append({"loc": absolute_url(url, request) if url.startswith("/") else url, "lastmod": changed})
    return TemplateResponse(request, "discovery/sitemap.xml", {"entries": entries}, content_type="application/xml")


@require_safe
def robots(request):
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {absolute_url('/sitemap.xml', request)}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
