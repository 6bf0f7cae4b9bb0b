"""What tools read on a reading-list page: schema.org `ItemList` JSON-LD (each case study by its
permanent link), `<link rel="alternate">` to the list's own downloads, and one COinS span per
case study, which Zotero's COinS translator offers as a list of items to pick from (its
`rft.aucorp` keeps an organisation a single-field name, where page capture of citation meta
splits it)."""

from itertools import groupby
from urllib.parse import quote, urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from ...addresses import READING_LIST_FORMATS, absolute_url, permanent_url
from ...models import PublishedVersion
from ..citations import cited_version, csl_record
from .address_tags import json_ld_script

register = template.Library()

DOWNLOAD_LABELS = {
    "ris": "RIS (reference managers)",
    "bib": "BibTeX",
    "csv": "spreadsheet (CSV)",
    "json": "data (JSON)",
}


def download_links(page, request):
    return [
        {
            "url": absolute_url(reverse("reading_list_download", args=[page.pk, ext]), request),
            "media_type": media_type,
            "label": DOWNLOAD_LABELS[ext],
        }
        for ext, media_type in READING_LIST_FORMATS.items()
    ]


@register.simple_tag(takes_context=True)
def reading_list_head(context, page):
    """The list as schema.org `ItemList` JSON-LD and its downloads as alternate links."""
    request = context.get("request")
    if not page.pk:
        return ""
    case_studies = [case_study for _, case_study in context.get("entries") or page.entries() if case_study]
    data = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": page.title,
        "description": page.introduction,
        "audience": {"@type": "Audience", "audienceType": page.audience},
        "url": permanent_url(page.pk, request=request),
        "itemListOrder": "https://schema.org/ItemListOrderAscending",
        "numberOfItems": len(case_studies),
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "url": permanent_url(case_study.pk, request=request),
                "name": case_study.title,
            }
            for position, case_study in enumerate(case_studies, start=1)
        ],
    }
    links = format_html_join(
        "\n    ",
        '<link rel="alternate" type="{}" href="{}" title="This list as {}">',
        ((link["media_type"], link["url"], link["label"]) for link in download_links(page, request)),
    )
    return format_html("{}\n    {}", json_ld_script(data), links)


def coins_title(record):
    """A case study's citation record as an OpenURL ContextObject (Z39.88-2004, KEV): a report
    with each organisation as `rft.aucorp`, the version as the edition, the permanent link."""
    pairs = [
        ("ctx_ver", "Z39.88-2004"),
        ("rft_val_fmt", "info:ofi/fmt:kev:mtx:book"),
        ("rft.genre", "report"),
        ("rft.btitle", record["title"]),
    ]
    pairs += [("rft.aucorp", author["literal"]) for author in record["author"]]
    pairs += [
        ("rft.date", str(record["issued"]["date-parts"][0][0])),
        ("rft.pub", record["publisher"]),
        ("rft.edition", f"Version {record['version']}"),
        ("rft_id", record["URL"]),
    ]
    return urlencode(pairs, quote_via=quote)


@register.simple_tag(takes_context=True)
def coins_spans(context, entries):
    """{case study id: COinS span} for the published case studies among a list's entries
    ((item, case study or None) pairs), their versions read in one query."""
    request = context.get("request")
    case_studies = [case_study for _, case_study in entries if case_study is not None]
    ids = [case_study.pk for case_study in case_studies]
    rows = PublishedVersion.objects.filter(page_id__in=ids).order_by("page_id", "number")
    versions = {page_id: list(group) for page_id, group in groupby(rows, key=lambda v: v.page_id)}
    spans = {}
    for case_study in case_studies:
        cited = cited_version(case_study, versions=versions.get(case_study.pk, []))
        if cited is not None:
            title = coins_title(csl_record(cited, request))
            spans[case_study.pk] = format_html('<span class="Z3988" title="{}"></span>', title)
    return spans


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "")
