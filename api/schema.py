"""drf-spectacular hooks: the document describes /api/v1/ only, and every error each operation
can give, as the problem details the serving layer writes (api/problem_details.py)."""

from .problem_details import PROBLEM_MEDIA_TYPE

PROBLEM_SCHEMA = {"$ref": "#/components/schemas/Problem"}
RETRY_AFTER_HEADER = {
    "schema": {"type": "integer", "minimum": 1},
    "required": True,
    "description": "Seconds to wait before asking again.",
}
# Errors any operation can give, whoever answers them (the middleware, Django or the view).
COMMON_ERRORS = {
    "406": ("Not Acceptable: the Accept header excludes application/json.", {}),
    "414": ("URI Too Long: the query string is over 4,000 characters.", {}),
    "429": (
        "Too Many Requests from this address; the Retry-After header says how many seconds to wait.",
        {"Retry-After": RETRY_AFTER_HEADER},
    ),
    "500": ("Internal Server Error: logged; try again later.", {}),
    "503": (
        "Service Unavailable: the database is briefly out of reach; Retry-After says when to try again.",
        {"Retry-After": RETRY_AFTER_HEADER},
    ),
}
ERRORS_NOTE = (
    "\n\nEvery error is RFC 9457 problem details (`application/problem+json`) with `type`, `title`, "
    "`status`, `detail` and `instance`: 400 for a query parameter out of range (each named in `errors`), "
    "404 for an id or address that is not published, 405 for any method but GET, HEAD and OPTIONS "
    "(the API is read-only), 406, 414, 429 (with Retry-After), 500 and 503 (with Retry-After)."
)


def only_the_open_api(endpoints):
    """The OpenAPI document describes /api/v1/ only, not Wagtail's admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def problem_responses(result, generator, request, public):
    """Every operation lists the common errors, and every error is `application/problem+json`."""
    result["info"]["description"] = result["info"].get("description", "") + ERRORS_NOTE
    for path in result["paths"].values():
        for operation in path.values():
            responses = operation["responses"]
            for code, (description, headers) in COMMON_ERRORS.items():
                responses.setdefault(code, {"description": description})
                if headers:
                    responses[code]["headers"] = headers
            for code, response in responses.items():
                if int(code) >= 400:
                    response["content"] = {PROBLEM_MEDIA_TYPE: {"schema": PROBLEM_SCHEMA}}
    return result
