"""Addresses readers keep: the permanent links (`/cs/<id>/`, `/cs/<id>/v/<n>/`) and every
absolute URL, built from one configured site address (`SITE_URL`, from `DJANGO_SITE_URL`),
or the request's own host when none is configured (development), never a hard-coded host."""

from django.conf import settings
from django.urls import reverse

# The largest id a database column holds (a 64-bit signed integer); any larger id in an address
# is unknown, not an error.
MAX_PAGE_ID = 2**63 - 1


def site_url(request=None):
    """The site address without a trailing slash, e.g. 'https://evidence.example.org'."""
    configured = getattr(settings, "SITE_URL", "")
    if configured:
        return configured.rstrip("/")
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path, request=None):
    """An absolute URL for a path on this site (a path, never another site's address)."""
    if not path.startswith("/") or path.startswith("//"):
        raise ValueError(f"Not a path on this site: {path!r}")
    return site_url(request) + path


def permanent_path(page_id, version=None):
    if version is None:
        return reverse("permanent_link", kwargs={"page_id": page_id})
    return reverse("permanent_version", kwargs={"page_id": page_id, "number": version})


def permanent_url(page_id, version=None, request=None):
    return absolute_url(permanent_path(page_id, version), request)


# The citation files of a case study (extension → media type), at /cs/<id>/cite.<ext> and
# /cs/<id>/v/<n>/cite.<ext>.
CITATION_FORMATS = {
    "ris": "application/x-research-info-systems",
    "bib": "application/x-bibtex",
    "json": "application/vnd.citationstyles.csl+json",
}


# A reading list's downloads (extension → media type), at /cs/<id>/list.<ext>.
READING_LIST_FORMATS = {
    "ris": "application/x-research-info-systems",
    "bib": "application/x-bibtex",
    "csv": "text/csv",
    "json": "application/json",
}


def citation_file_url(page_id, extension, version=None, request=None):
    if version is None:
        path = reverse("citation_file", kwargs={"page_id": page_id, "extension": extension})
    else:
        path = reverse("citation_file_version", kwargs={"page_id": page_id, "number": version, "extension": extension})
    return absolute_url(path, request)
