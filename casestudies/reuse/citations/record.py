"""The one citation record of a case study at a version, in CSL-JSON: type `report`, genre
"Case study", the partner organisations as institutional authors (`literal`, never split into
family and given names; the bank itself when no partner is named), the bank as publisher, the year of first publication, the version
and its permanent link. Every citation format is made from this record."""

from dataclasses import dataclass

from django.conf import settings

from ...addresses import permanent_url
from ...models import CaseStudyPage, PublishedVersion


@dataclass(frozen=True)
class CitedVersion:
    """A case study as one version published it, and whether it is cited as 'the latest'
    (the permanent link) or as that version (the versioned link)."""

    page: CaseStudyPage  # the page as that version published it
    number: int
    first_published: object  # a datetime
    published_at: object
    latest: bool


def cited_version(page, number=None, as_published=None, versions=None):
    """The latest version of a live case study (number=None) or version `number` (`as_published`:
    the page as that version published it, if the caller has it); None if there is no such
    published version (a preview of a new page). `versions`: the page's published versions,
    oldest first, if the caller has read them."""
    if versions is None:
        versions = list(PublishedVersion.objects.filter(page_id=page.pk).order_by("number"))
    if not versions:
        return None
    if number is None:
        chosen, shown = versions[-1], page
    else:
        chosen = next((v for v in versions if v.number == number), None)
        if chosen is None:
            return None
        shown = as_published or chosen.revision.as_object()
    return CitedVersion(
        page=shown,
        number=chosen.number,
        first_published=versions[0].published_at,
        published_at=chosen.published_at,
        latest=number is None,
    )


def publisher_name():
    return settings.WAGTAIL_SITE_NAME


def author_names(page):
    """Who a case study is by, as every citation format and the JSON-LD name it: its partner
    organisations, or the bank itself as corporate author when it names none."""
    return [partner.organisation.name for partner in page.partners.all()] or [publisher_name()]


def csl_record(cited, request=None):
    page = cited.page
    authors = [{"literal": name} for name in author_names(page)]
    record = {
        "id": f"case-study-{page.pk}" + ("" if cited.latest else f"-v{cited.number}"),
        "type": "report",
        "genre": "Case study",
        "title": page.title,
        "author": authors,
        "publisher": publisher_name(),
        "issued": {"date-parts": [[cited.first_published.year]]},
        "version": str(cited.number),
        "URL": permanent_url(page.pk, None if cited.latest else cited.number, request),
        "abstract": page.summary,
        "language": "en-GB",
        "license": page.licence_choice.url,
    }
    keywords = [item.feature.name for item in page.feature_evidence.all()]
    if keywords:
        record["keyword"] = "; ".join(keywords)
    return record
