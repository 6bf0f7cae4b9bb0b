"""What one request tells about a reader's search, with nothing that identifies the reader."""

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import parse_qs, urlsplit

from casestudies.finder import facet_parameters

QUERY_MAX = 200
# A landing page's path names its one fixed filter (`/case-studies/features/<slug>/`).
ROUTE_FILTER = re.compile(r"/(?P<route>features|levers)/(?P<slug>[a-z0-9-]+)/$")
ROUTE_PARAMS = {"features": "feature", "levers": "lever"}

EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
PHONE = re.compile(r"\+?\d[\d\s().-]{8,}\d")
UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b", re.IGNORECASE)

# Well-known crawlers and scripted clients, matched in the User-Agent (which is never stored).
BOT_AGENTS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|curl/|wget/|python-|"
    r"httpclient|go-http-client|java/|okhttp|headless|lighthouse|pingdom|uptime|monitor|scrapy",
    re.IGNORECASE,
)


@cache
def canonical_filters():
    return {param: set(values) for param, _legend, values in facet_parameters()}


def looks_personal(text):
    """An email address, a phone number or a UK postcode."""
    if EMAIL.search(text) or UK_POSTCODE.search(text):
        return True
    return any(sum(c.isdigit() for c in match.group()) >= 10 for match in PHONE.finditer(text))


def is_reader(request):
    """A person's browser: asks for HTML and does not name itself as a crawler or a script."""
    if "text/html" not in request.headers.get("Accept", ""):
        return False
    agent = request.headers.get("User-Agent", "")
    return bool(agent) and not BOT_AGENTS.search(agent)


def normalise_query(text):
    return " ".join(text.split()).lower()[:QUERY_MAX]


@dataclass
class Search:
    path: str
    query: str
    filters: dict = field(default_factory=dict)
    withheld: bool = False

    @property
    def signature(self):
        text = json.dumps([self.path, self.query, self.filters], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def is_question(self):
        """A search or a filtered browse; the plain listing asks nothing."""
        return bool(self.query or self.filters or self.withheld)


def search_of(path, params):
    """The Search a finder address asks; `params` maps each parameter to its list of values."""
    allowed = canonical_filters()
    filters = {}
    for param, values in allowed.items():
        chosen = sorted({value for value in params.get(param, []) if value in values})
        if chosen:
            filters[param] = chosen
    fixed = ROUTE_FILTER.search(path)
    if fixed and fixed["slug"] in allowed.get(ROUTE_PARAMS[fixed["route"]], ()):
        param = ROUTE_PARAMS[fixed["route"]]
        filters[param] = sorted(set(filters.get(param, [])) | {fixed["slug"]})
    raw = (params.get("q") or [""])[0]
    if looks_personal(raw):
        return Search(path="", query="", withheld=True)
    return Search(path=path[:255], query=normalise_query(raw), filters=filters)


def search_of_request(request):
    return search_of(request.path, dict(request.GET.lists()))


def search_from_referer(request):
    """The search a reader came from, if the Referer is a page of this site; else None."""
    referer = request.headers.get("Referer", "")
    if not referer:
        return None
    try:
        parts = urlsplit(referer)
    except ValueError:
        return None
    if parts.netloc != request.get_host():
        return None
    return search_of(parts.path, parse_qs(parts.query))
