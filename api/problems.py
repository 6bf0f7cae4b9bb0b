"""RFC 9457 problem details (`application/problem+json`) for every API error, written by
the one problem writer (api/problem_details.py, which the serving layer also uses) so that the views' errors,
Django REST framework's (404, 405, 406, ...) and the middleware's (414, 429, 500, 503) agree."""

from rest_framework import exceptions, status
from rest_framework.views import exception_handler

from .problem_details import PROBLEM_MEDIA_TYPE, problem_response

__all__ = ["PROBLEM_MEDIA_TYPE", "bad_parameters", "problem", "problem_exception_handler"]


def problem(status_code, title, detail="", errors=None, request=None):
    members = {"errors": [{"name": name, "reason": reason} for name, reason in errors]} if errors else {}
    return problem_response(status_code, detail, title, request=request, **members)


def bad_parameters(errors, request=None):
    names = ", ".join(dict.fromkeys(name for name, _ in errors))
    return problem(status.HTTP_400_BAD_REQUEST, "Invalid query parameter", f"Check: {names}.", errors, request)


def problem_exception_handler(exc, context):
    """DRF's errors (404, 405, 406, ...) as problem details, whatever renderer the view has (the
    OpenAPI document's view renders YAML, but its errors are JSON too)."""
    response = exception_handler(exc, context)
    if response is None:
        return None
    detail = exc.detail if isinstance(exc, exceptions.APIException) else ""
    if not isinstance(detail, str) or detail == exceptions.NotFound.default_detail:
        detail = ""  # the status's own explanation says more
    result = problem(response.status_code, "", str(detail), request=context.get("request"))
    for header in ("Allow", "WWW-Authenticate", "Retry-After"):
        if header in response:
            result[header] = response[header]
    return result
