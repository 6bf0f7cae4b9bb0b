"""RFC 9457 problem details (`application/problem+json`) for every API error."""

from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler

PROBLEM_MEDIA_TYPE = "application/problem+json"


class ProblemJSONRenderer(JSONRenderer):
    media_type = PROBLEM_MEDIA_TYPE


def problem(status_code, title, detail="", errors=None):
    body = {"type": "about:blank", "title": title, "status": status_code}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = [{"name": name, "reason": reason} for name, reason in errors]
    return Response(body, status=status_code, content_type=PROBLEM_MEDIA_TYPE)


def bad_parameters(errors):
    names = ", ".join(dict.fromkeys(name for name, _ in errors))
    return problem(status.HTTP_400_BAD_REQUEST, "Invalid query parameter", f"Check: {names}.", errors)


def problem_exception_handler(exc, context):
    """DRF's errors (404, 405, 406, ...) as problem details."""
    response = exception_handler(exc, context)
    if response is None:
        return None
    detail = exc.detail if isinstance(exc, exceptions.APIException) else ""
    result = problem(response.status_code, response.status_text, str(detail) if isinstance(detail, str) else "")
    for header in ("Allow", "WWW-Authenticate", "Retry-After"):
        if header in response:
            result[header] = response[header]
    return result
