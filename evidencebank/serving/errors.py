"""The error pages: static HTML that needs no database, showing the reader the request id that
the log line of the failure carries.

An unhandled exception that says the database cannot be reached (Django's `OperationalError`
or `InterfaceError`: refused or lost connections, a server restarting or shutting down, a
connection or statement timeout) is an outage, not a bug: the reader gets a 503 "back soon"
page with `Retry-After`, and an editor in the admin is told that what they were saving was not
saved. Every other exception gets the 500 page. Both are rendered without the database and
pass through the security-header middleware like any other response. Under the open API
(`/api/`) every one of these errors, and the 400, 403 and 404 below, is a problem document
instead (api/problem_details.py).
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.views import defaults

from api.problem_details import problem_response, wants_problem

from .logs import request_id_of

RETRY_AFTER_SECONDS = 30
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def static_url(path):
    """The hashed address when the static manifest is there, the plain one otherwise: whitenoise
    serves both, and a missing manifest must not turn the error page into a second error."""
    try:
        from django.templatetags.static import static

        return static(path)
    except Exception:  # noqa: BLE001 - the error page must always render
        return settings.STATIC_URL + path


def stylesheet_url():
    return static_url("css/error.css")


def database_unavailable(exc):
    """True for an exception (or one it was raised from) that means the database is out of reach."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, DATABASE_UNAVAILABLE):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def is_admin_request(request):
    prefixes = tuple(getattr(settings, "ADMIN_URL_PREFIXES", ("/admin/",)))
    return request is not None and request.path_info.startswith(prefixes)


def service_unavailable(request):
    """The 503 page: the site's own stylesheet and header, no script, no database."""
    if wants_problem(request):
        response = problem_response(503, request=request)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    html = render_to_string(
        "503.html",
        {
            "request_id": request_id_of(request),
            "stylesheet": static_url("css/site.css"),
            "for_editors": is_admin_request(request),
            "posted": request is not None and request.method == "POST",
            "retry_after": RETRY_AFTER_SECONDS,
        },
    )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name="500.html"):
    """handler500: Django calls it inside the `except` block, so the exception is at hand."""
    if database_unavailable(sys.exc_info()[1]):
        return service_unavailable(request)
    if wants_problem(request):
        return problem_response(500, request=request)
    html = render_to_string(template_name, {"request_id": request_id_of(request), "stylesheet": stylesheet_url()})
    return HttpResponseServerError(html)


def page_not_found(request, exception, template_name="404.html"):
    """handler404: the site's 404 page, or a problem document under the API."""
    if wants_problem(request):
        return problem_response(404, request=request)
    return defaults.page_not_found(request, exception, template_name)


def bad_request(request, exception, template_name="400.html"):
    if wants_problem(request):
        return problem_response(400, request=request)
    return defaults.bad_request(request, exception, template_name)


def permission_denied(request, exception, template_name="403.html"):
    if wants_problem(request):
        return problem_response(403, request=request)
    return defaults.permission_denied(request, exception, template_name)
