"""Per-address rate limits on the costly public endpoints, counted in the cache (Redis when
REDIS_URL is set, so every gunicorn worker shares the count), answering 429 with Retry-After.

settings.RATE_LIMITS is a list of rules: (name, path regex, methods, requests, seconds). A rule
counts requests from one address in fixed windows of `seconds`; past `requests` the endpoint
answers 429 until the window ends: under the open API (api/problem_details.py) as
RFC 9457 problem details, like the API's other errors, and elsewhere as the site's HTML page
(templates/429.html), both rendered without the database. The address is REMOTE_ADDR: behind a proxy, have the proxy
set it (gunicorn's --forwarded-allow-ips), never trust a client-sent X-Forwarded-For here.
"""

import re
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.template.loader import render_to_string

from api.problem_details import problem_response, wants_problem

from .errors import stylesheet_url


class Rule:
    def __init__(self, name, pattern, methods, limit, seconds):
        self.name = name
        self.pattern = re.compile(pattern)
        self.methods = {m.upper() for m in methods}
        self.limit = limit
        self.seconds = seconds

    def applies(self, request):
        return request.method in self.methods and self.pattern.search(request.path_info) is not None


def hit(rule, address, now=None):
    """Count one request; the seconds to wait when over the limit, else 0."""
    now = time.time() if now is None else now
    window = int(now // rule.seconds)
    key = f"ratelimit:{rule.name}:{address}:{window}"
    cache = caches[getattr(settings, "RATE_LIMIT_CACHE", "default")]
    if cache.add(key, 1, rule.seconds + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, rule.seconds + 1)
            count = 1
    if count <= rule.limit:
        return 0
    return max(1, int((window + 1) * rule.seconds - now + 0.999))


def too_many_requests(retry_after, request=None):
    """429 with Retry-After: problem details for the API, the HTML page everywhere else."""
    if wants_problem(request):
        detail = f"Too many requests from your address. Wait {retry_after} seconds and try again."
        response = problem_response(429, detail, request=request)
    else:
        html = render_to_string("429.html", {"retry_after": retry_after, "stylesheet": stylesheet_url()})
        response = HttpResponse(html, status=429, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    _compiled = (None, [])

    @property
    def rules(self):
        # Compiled once per value of the setting (tests change it), not once per request.
        configured = getattr(settings, "RATE_LIMITS", [])
        if self._compiled[0] is not configured:
            self._compiled = (configured, [Rule(*rule) for rule in configured])
        return self._compiled[1]

    def __call__(self, request):
        if getattr(settings, "RATE_LIMITS_ENABLED", True):
            address = request.META.get("REMOTE_ADDR", "unknown")
            for rule in self.rules:
                if rule.applies(request):
                    wait = hit(rule, address)
                    if wait:
                        return too_many_requests(wait, request)
        return self.get_response(request)
