from django import template

from ...addresses import CITATION_FORMATS, citation_file_url
from ...models import CaseStudyPage
from ..citations import STYLES, cited_version, csl_record, format_citation

register = template.Library()

FILE_LABELS = {"ris": "RIS (EndNote, Zotero, Mendeley)", "bib": "BibTeX", "json": "CSL-JSON"}


def _citation(cited, request, formatted=True):
    record = csl_record(cited, request)
    number = None if cited.latest else cited.number
    return {
        "cited": cited,
        "record": record,
        "styles": [{"key": key, "label": label, "html": format_citation(record, key)} for key, label, _ in STYLES]
        if formatted
        else [],
        "files": [
            {
                "extension": ext,
                "label": FILE_LABELS[ext],
                "media_type": media_type,
                "url": citation_file_url(cited.page.pk, ext, number, request),
            }
            for ext, media_type in CITATION_FORMATS.items()
        ],
    }


def versions_read(context, page):
    """The published versions the page's own context has read (CaseStudyPage.get_context), so
    the citations and the meta tags ask for them no more."""
    return context.get("versions") if context.get("page") is page else None


@register.simple_tag(takes_context=True)
def case_study_citations(context, page, version=None):
    """The citations a case-study page shows: `this_version` (the version being read: the
    latest unless `version` is given, cited by its versioned link) and `latest` (cited by the
    permanent link); None before the page is first published."""
    request = context.get("request")
    if not page.pk:
        return None
    versions = versions_read(context, page)
    if not version:  # a missing template variable arrives as ""
        latest = cited_version(page, versions=versions)
        if latest is None:
            return None
        this_version = cited_version(page, latest.number, as_published=page, versions=versions)
    else:
        this_version = cited_version(page, version.number, as_published=page, versions=versions)
        latest = cited_version(CaseStudyPage.objects.get(pk=page.pk))
    if latest is None or this_version is None:
        return None
    return {"latest": _citation(latest, request), "this_version": _citation(this_version, request)}


@register.inclusion_tag("casestudies/includes/citation_meta.html", takes_context=True)
def citation_meta(context, page, version=None):
    """Highwire `citation_*` meta tags (Zotero and reference managers read the page as a report)
    and `<link rel="alternate">` to the citation files, for the version being read."""
    request = context.get("request")
    if not page.pk:
        return {}
    version = version or None
    cited = cited_version(
        page,
        version.number if version else None,
        as_published=page if version else None,
        versions=versions_read(context, page),
    )
    if cited is None:
        return {}
    citation = _citation(cited, request, formatted=False)
    return {"citation": citation, "first_published": cited.first_published}
