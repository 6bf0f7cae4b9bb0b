"""The response cache for anonymous readers, never stale by construction.

Every key starts with the findable-content token (`casestudies.models.FindableVersion`), which
changes in the same transaction as any publish, unpublish, move, delete, privacy change, or
taxonomy, organisation or synonym change (`casestudies/signals.py`). A reader whose request
starts after such a change commits reads the new token, so it can only hit entries rendered
from the new state: invalidation needs no purge list, and old entries simply expire.

What is cached: GET (and HEAD, served from the GET entry) of the public site, from a request
with no session cookie, answered 200, setting no cookie, not marked private or no-store, not
using the CSRF token, and not a private page (`mark_uncacheable`, called from the
`before_serve_page` hook). Never anything under ADMIN_URL_PREFIXES or RESPONSE_CACHE_SKIP_PREFIXES
(the admin with its previews, documents, the page-password form, /healthz).

A publish every few seconds would empty that cache every few seconds, so a page whose content
is all in a few known parts (a finder page: its counts, its results and their revisions; a case
study: its revision and its related case studies') is also kept under a digest of those parts
(`reuse_rendering`): after a publish of a page it does not show, the view works out its parts
from the in-memory facet index and answers with the earlier rendering, which the middleware then
keeps under the new token too.

Why not Django's cache middleware or wagtail-cache: both key on the URL alone and invalidate by
timeout or by purging URLs on publish, which misses listings, counts and landing pages whenever a
term, an organisation or a synonym changes; keying on the token is simpler and exact.
"""

import gzip
import hashlib
import re
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import patch_cache_control, patch_vary_headers

from casestudies import renderings
from casestudies.digest import digest

CACHE_HEADER = "X-Cache"
NOT_STORED_HEADERS = {"set-cookie", "x-request-id", "content-length"}
ACCEPTS_GZIP = re.compile(r"\bgzip\b", re.IGNORECASE)
COMPRESS_FROM = 1024  # bytes: smaller bodies are sent as they are
# What a view's decorators decide for the header middleware, which runs outside this cache:
# Django's `xframe_options_exempt` and django-csp's per-view `csp_*` decorators. Kept with the
# stored response and set again on every hit, so a card stays frameable when served cached.
VIEW_DECISIONS = (
    "xframe_options_exempt",
    *(f"_csp_{kind}{ro}" for kind in ("exempt", "config", "update", "replace") for ro in ("", "_ro")),
)
# Vary names this cache answers for itself: it negotiates gzip from the stored copies, and it
# only serves or stores requests with no session cookie, whose responses set no cookie and read
# no CSRF token, so no other cookie can change them. Every other Vary name keys a variant.
SELF_VARIED = {"accept-encoding", "cookie"}
MAX_VARIANTS = 4  # per address: a flood of new header values cannot grow an address further
DEFAULT_PORTS = {"http": "80", "https": "443"}


def mark_uncacheable(request):
    request._response_cache_skip = True


def conf(name, default):
    return getattr(settings, name, default)


def current_token():
    from casestudies.models.findable import FindableVersion

    return FindableVersion.current()


def site_of(request):
    """The configured site address, or (development) the request's own scheme and host, in one
    spelling: lower case, no trailing dot, no default port."""
    configured = conf("SITE_URL", "")
    if configured:
        return configured.rstrip("/").lower()
    host, port = split_domain_port(request.get_host())  # lower case, no trailing dot
    port = "" if port in ("", DEFAULT_PORTS.get(request.scheme)) else f":{port}"
    return f"{request.scheme}://{host}{port}"


def query_of(request):
    """The query parameters, sorted by name (repeated names keep their order)."""
    pairs = sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True), key=lambda p: p[0])
    return urlencode(pairs)


def address_of(request):
    query = query_of(request)
    return f"{site_of(request)}{request.path}" + (f"?{query}" if query else "")


def cache_key(request, token):
    return f"response:v2:{token}:{digest(address_of(request))}"


def response_cache():
    return caches[conf("RESPONSE_CACHE_ALIAS", "default")]


def reuse_rendering(request, parts):
    """The response rendered earlier for this address from the same `parts` (a tuple of plain
    values holding everything the page shows that can change without moving the facet index's
    generation), or None. Either way, the response this request ends with is kept under `parts`
    too (by the middleware), so the next request with the same parts gets it. Only where the
    response cache itself may be used: never for an editor, a preview or a private page."""
    if not request_may_use_cache(request) or getattr(request, "_response_cache_skip", False):
        return None
    key = request._rendered_key = f"rendered:v2:{digest(repr((address_of(request), parts)))}"
    entry = response_cache().get(key)
    if entry is None or not answers(entry, request):
        return None
    response = response_from(entry, request)
    response.rendered_entry = entry
    return response


def request_may_use_cache(request):
    if not conf("RESPONSE_CACHE_ENABLED", True) or request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # an editor, or a reader who unlocked a private page: always fresh
    prefixes = tuple(conf("ADMIN_URL_PREFIXES", ("/admin/",))) + tuple(conf("RESPONSE_CACHE_SKIP_PREFIXES", ()))
    return not request.path_info.startswith(prefixes)


def parameters_are_read(request, response):
    return set(request.GET) <= getattr(response, "cache_parameters", frozenset())


def response_may_be_stored(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or getattr(request, "_response_cache_skip", False):
        return False
    if request.META.get("CSRF_COOKIE_USED") or not parameters_are_read(request, response):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")) or "*" in varied_names(response):
        return False
    return len(response.content) <= conf("RESPONSE_CACHE_MAX_BYTES", 2 * 1024 * 1024)


def public_headers(response):
    patch_vary_headers(response, ["Cookie"])
    # Browsers and proxies revalidate every time (ETag, 304): freshness is ours to keep.
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)


def private_headers(response):
    patch_vary_headers(response, ["Cookie"])
    if "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_cache=True)


def etag_of(content, content_type=""):
    """Two representations of one address (JSON and problem JSON) never share a validator."""
    return f'"{hashlib.md5(content + content_type.encode(), usedforsecurity=False).hexdigest()}"'


def varied_names(response):
    return tuple(sorted({name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()}))


def variant_of(request, names):
    """The request's values of the Vary names this cache does not answer for itself."""
    return tuple((name, request.headers.get(name, "")) for name in names if name not in SELF_VARIED)


def answers(entry, request):
    """Whether a stored entry is the representation this request asked for (its Vary)."""
    return variant_of(request, [name for name, _ in entry[5]]) == entry[5]


def entry_for(response, request):
    """What is stored: status, headers, body, the body gzipped once (as whitenoise keeps
    compressed static files, so a hit costs no compression and sends a quarter of the bytes), the
    view's header decisions, and the request's values of the headers the response varies on.
    Only public pages are stored, never one holding a CSRF token, so compression reveals no
    secret (BREACH)."""
    headers = [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED_HEADERS]
    content = response.content
    compressed = gzip.compress(content, compresslevel=6, mtime=0) if len(content) >= COMPRESS_FROM else None
    decisions = {name: getattr(response, name) for name in VIEW_DECISIONS if hasattr(response, name)}
    return (response.status_code, headers, content, compressed, decisions, variant_of(request, varied_names(response)))


def response_from(entry, request):
    status, headers, content, compressed, decisions, _ = entry
    response = HttpResponse(status=status)
    for name, value in headers:
        response[name] = value
    for name, value in decisions.items():
        setattr(response, name, value)
    body = content
    if compressed is not None:
        patch_vary_headers(response, ["Accept-Encoding"])
        if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
            body = compressed
            response["Content-Encoding"] = "gzip"
            # A different representation: its own validator (RFC 9110 8.8.3).
            response["ETag"] = response["ETag"][:-1] + '-gzip"'
    response.content = b"" if request.method == "HEAD" else body
    response["Content-Length"] = str(len(body))
    return response


def with_variant(variants, entry):
    """The variants kept for an address with `entry` in place of its own, or None when the
    address already holds MAX_VARIANTS others."""
    others = [kept for kept in variants or () if kept[5] != entry[5]]
    return None if len(others) >= MAX_VARIANTS else (*others, entry)


class AnonymousResponseCacheMiddleware:
    """Each address (`address_of`: site, path, sorted parameters) holds up to MAX_VARIANTS
    stored responses, one per set of values of the request headers they vary on."""

    def __init__(self, get_response):
        self.get_response = get_response
        renderings.install(reuse_rendering)  # the finder and case studies ask through the domain

    def __call__(self, request):
        if not request_may_use_cache(request):
            response = self.get_response(request)
            private_headers(response)
            response[CACHE_HEADER] = "bypass"
            return response
        cache = response_cache()
        key = cache_key(request, current_token())
        variants = cache.get(key)
        for entry in variants or ():
            if answers(entry, request):
                response = response_from(entry, request)
                response[CACHE_HEADER] = "hit"
                return response
        response = self.get_response(request)
        seconds = conf("RESPONSE_CACHE_SECONDS", 600)
        entry = getattr(response, "rendered_entry", None)
        if entry is not None and not response.cookies and parameters_are_read(request, response):
            kept = with_variant(variants, entry)
            if kept is not None:
                cache.set(key, kept, seconds)
            response[CACHE_HEADER] = "rendered"
        elif response_may_be_stored(request, response):
            public_headers(response)
            if not response.has_header("ETag"):
                response["ETag"] = etag_of(response.content, response.get("Content-Type", ""))
            entry = entry_for(response, request)
            kept = with_variant(variants, entry)
            if kept is None:
                response = response_from(entry, request)
                response[CACHE_HEADER] = "bypass"
                return response
            rendered_key = getattr(request, "_rendered_key", None)
            cache.set_many({key: kept, rendered_key: entry} if rendered_key else {key: kept}, seconds)
            response = response_from(entry, request)
            response[CACHE_HEADER] = "miss"
        else:
            private_headers(response)
            response[CACHE_HEADER] = "bypass"
        return response
