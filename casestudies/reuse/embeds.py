"""Embeddable cards and the oEmbed endpoint. A card (`/cs/<id>/card/`) is the only page any
site may frame; `/oembed/?url=…` describes a case study or reading list of this site as a
`rich` embed of its card. The endpoint only reads the URL it is given: it never fetches it."""

import re
from urllib.parse import urlencode, urlsplit

from csp.decorators import csp_replace
from django.http import Http404, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from ..addresses import MAX_PAGE_ID, absolute_url, permanent_url, site_url
from ..models import CaseStudyPage, ReadingListPage, readable

CARD_WIDTH, CARD_HEIGHT = 480, 320
# The smallest usable card: its kind, title and link back still show (static/css/card.css keeps
# just those at small sizes). A consumer's limit under it is answered 501, as oEmbed asks.
MIN_WIDTH, MIN_HEIGHT = 200, 120
MAX_LIMIT = 10_000
SIZE = re.compile(r"^[0-9]{1,5}$")
EMBEDDABLE_TYPES = (CaseStudyPage, ReadingListPage)
PERMANENT_PATH = re.compile(r"^/cs/(?P<id>[0-9]{1,19})/(?:v/[0-9]{1,19}/|card/)?$")


def published(page_id):
    if page_id > MAX_PAGE_ID:
        return None
    return readable(Page.objects.all()).type(*EMBEDDABLE_TYPES).filter(pk=page_id).specific().first()


def card_url(page, request):
    return absolute_url(f"/cs/{page.pk}/card/", request)


@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
@require_safe
def card(request, page_id):
    """A small page any site may frame: title, summary, partners, features, licence, link back."""
    page = published(int(page_id))
    if page is None:
        raise Http404("No published case study or reading list has this id.")
    context = {
        "page": page,
        "is_case_study": isinstance(page, CaseStudyPage),
        "link": permanent_url(page.pk, request=request),
    }
    if isinstance(page, ReadingListPage):
        context["case_studies"] = page.published_case_studies()
    return TemplateResponse(request, "casestudies/card.html", context)


def page_for_url(url, request):
    """The published case study or reading list `url` names on this site, or None. Only the
    URL's text is read: its host must be this site's, its path a permanent link, a card or a
    page's own address."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    ours = urlsplit(site_url(request))
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != ours.netloc.lower():
        return None
    path = parts.path or "/"
    match = PERMANENT_PATH.match(path)
    if match:
        return published(int(match["id"]))
    site = Site.find_for_request(request)
    if site is None or not path.endswith("/"):
        return None
    url_path = site.root_page.url_path + path.lstrip("/")
    page = readable(Page.objects.all()).type(*EMBEDDABLE_TYPES).filter(url_path=url_path).specific().first()
    return page


def size_limit(request, name):
    """The consumer's `maxwidth` or `maxheight`: None when absent, else a whole number of pixels
    from 1 to MAX_LIMIT. Raises ValueError with a message for the consumer otherwise."""
    value = request.GET.get(name, "").strip()
    if not value:
        return None
    if not SIZE.match(value) or not 1 <= int(value) <= MAX_LIMIT:
        raise ValueError(f"{name} must be a whole number of pixels from 1 to {MAX_LIMIT:,}; {value[:40]!r} is not.")
    return int(value)


def plain(status, message):
    response = HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def oembed(request):
    """oEmbed 1.0 (oembed.com, sections 2.2 and 2.3): the card fits inside the consumer's
    `maxwidth` and `maxheight`, or the answer is 501 when they are under the smallest card."""
    fmt = request.GET.get("format", "json")
    if fmt != "json":
        return plain(501, "Only format=json is supported.")
    try:
        max_width, max_height = size_limit(request, "maxwidth"), size_limit(request, "maxheight")
    except ValueError as error:
        return plain(400, str(error))
    page = page_for_url(request.GET.get("url", ""), request)
    if page is None:
        raise Http404("Not a published case study or reading list of this site.")
    if (max_width or MIN_WIDTH) < MIN_WIDTH or (max_height or MIN_HEIGHT) < MIN_HEIGHT:
        return plain(501, f"The card cannot be made that small: the smallest card is {MIN_WIDTH}×{MIN_HEIGHT} pixels.")
    width = min(CARD_WIDTH, max_width or CARD_WIDTH)
    height = min(CARD_HEIGHT, max_height or CARD_HEIGHT)
    html = embed_html(page, request, width, height)
    data = {
        "version": "1.0",
        "type": "rich",
        "title": page.title,
        "provider_name": "Partnership Evidence Bank",
        "provider_url": site_url(request) + "/",
        "html": html,
        "width": width,
        "height": height,
        "cache_age": 86400,
    }
    return JsonResponse(data)


def embed_html(page, request, width=CARD_WIDTH, height=CARD_HEIGHT):
    return format_html(
        '<iframe src="{}" width="{}" height="{}" title="{}" loading="lazy"></iframe>',
        card_url(page, request),
        width,
        height,
        f"{page.title} (Partnership Evidence Bank)",
    )


def oembed_discovery_url(page, request):
    return absolute_url(
        "/oembed/?" + urlencode({"url": permanent_url(page.pk, request=request), "format": "json"}), request
    )
