"""RFC 9457 problem details: the one place that writes an error response for the open API.

Every error under settings.PROBLEM_DETAILS_PREFIXES (`/api/`) is `application/problem+json` with
`type`, `title`, `status`, `detail` and `instance` (the path asked for), whoever answers it: the
query-string limit (414), the rate limiter (429), Django's 400/403/404/500 handlers and the 503
for a database out of reach (evidencebank/serving/errors.py), and the API's own views and
Django REST framework's exceptions (api/problems.py). The HTML site keeps its HTML pages.
"""

import json
from http import HTTPStatus

from django.conf import settings
from django.http import HttpResponse

PROBLEM_MEDIA_TYPE = "application/problem+json"

DETAILS = {
    400: "The request could not be understood.",
    403: "This request is not allowed.",
    404: "There is nothing at this address in the API. Start at /api/v1/ for its collections.",
    405: "The API is read-only: use GET, HEAD or OPTIONS.",
    406: "The API answers only application/json (errors: application/problem+json).",
    414: "The address is too long.",
    429: "Too many requests from your address.",
    500: "Something went wrong on our side. It has been logged; please try again later.",
    503: "The service is briefly unavailable. Please try again shortly.",
}


def wants_problem(request):
    """True for a request under the open API, whose errors are problem details."""
    if request is None:
        return False
    prefixes = tuple(getattr(settings, "PROBLEM_DETAILS_PREFIXES", ("/api/",)))
    return request.path_info.startswith(prefixes)


def problem_body(status, detail="", title="", request=None, **members):
    body = {
        "type": "about:blank",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail or DETAILS.get(status, HTTPStatus(status).description),
    }
    if request is not None:
        body["instance"] = request.path
    body.update(members)
    return body


def problem_response(status, detail="", title="", request=None, **members):
    """An `application/problem+json` response; errors are never stored by a cache."""
    body = problem_body(status, detail, title, request, **members)
    response = HttpResponse(json.dumps(body), status=status, content_type=PROBLEM_MEDIA_TYPE)
    response["Cache-Control"] = "no-store"
    return response
