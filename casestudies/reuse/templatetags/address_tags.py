"""Canonical links, Open Graph and schema.org JSON-LD, every address from the one configured
site address (`casestudies.addresses`)."""

import json

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from ...addresses import absolute_url, permanent_url, site_url
from ...models import PublishedVersion, ReadingListPage, readable
from ..citations import author_names, publisher_name
from ..embeds import embed_html, oembed_discovery_url

register = template.Library()

JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's own address on the configured site (a version's page: its versioned link)."""
    request, page = context.get("request"), context.get("page")
    if request is None or page is None or not getattr(page, "pk", None) or not hasattr(page, "get_url"):
        return ""
    version = context.get("version")
    if version:
        return permanent_url(page.pk, version.number, request)
    url = page.get_url(request)
    if not url:
        return ""
    return absolute_url(url, request) if url.startswith("/") else url


@register.simple_tag(takes_context=True)
def site_address(context):
    return site_url(context.get("request"))


@register.simple_tag(takes_context=True)
def case_study_json_ld(context, page):
    """schema.org `Report` for a case study, as a JSON-LD data block (not a script that runs)."""
    request = context.get("request")
    if not page.pk:
        return ""
    versions = context.get("versions") if context.get("page") is page else None
    if versions is None:
        versions = list(PublishedVersion.objects.filter(page_id=page.pk).order_by("number"))
    publisher = {"@type": "Organization", "name": publisher_name(), "url": site_url(request) + "/"}
    authors = [
        publisher if name == publisher_name() else {"@type": "Organization", "name": name}
        for name in author_names(page)
    ]
    about = [
        {"@type": "DefinedTerm", "name": item.feature.name, "inDefinedTermSet": "Success features"}
        for item in page.feature_evidence.all()
    ]
    about += [
        {"@type": "DefinedTerm", "name": lever.name, "inDefinedTermSet": "Policy levers"}
        for lever in page.policy_levers.all()
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "Report",
        "headline": page.title,
        "name": page.title,
        "abstract": page.summary,
        "author": authors,
        "publisher": publisher,
        "inLanguage": "en-GB",
        "about": about,
        "license": page.licence_choice.url,
        "url": canonical_url(context),
        "identifier": permanent_url(page.pk, request=request),
        "genre": "Case study",
    }
    if versions:
        data["datePublished"] = versions[0].published_at.date().isoformat()
        data["dateModified"] = versions[-1].published_at.date().isoformat()
        data["version"] = str((context.get("version") or versions[-1]).number)
    return json_ld_script(data)


def without_empty(value):
    """The JSON-LD with every empty string, list and object left out (schema.org reads a
    missing property as unknown; an empty one says "none")."""
    if isinstance(value, dict):
        kept = {key: without_empty(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item not in ("", [], {}, None)}
    if isinstance(value, list):
        return [item for item in (without_empty(v) for v in value) if item not in ("", [], {}, None)]
    return value


def json_ld_script(data):
    text = json.dumps(without_empty(data), ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def permanent_link(context, page):
    return permanent_url(page.pk, request=context.get("request"))


@register.simple_tag
def reading_lists_including(page):
    """The live, public reading lists that include this case study."""
    if not page.pk:
        return []
    return list(
        readable(ReadingListPage.objects.all()).filter(items__case_study_id=page.pk).distinct().order_by("title")
    )


@register.simple_tag(takes_context=True)
def oembed_link(context, page):
    """oEmbed discovery for a published case study or reading list."""
    request = context.get("request")
    if not page.pk or not page.live:
        return ""
    return format_html(
        '<link rel="alternate" type="application/json+oembed" href="{}" title="{}">',
        oembed_discovery_url(page, request),
        page.title,
    )


@register.simple_tag(takes_context=True)
def embed_snippet(context, page):
    """The HTML another site pastes to show this page's card, as text (escaped where shown)."""
    return escape(embed_html(page, context.get("request")))
