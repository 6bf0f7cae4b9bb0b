"""The 500 page: static HTML that needs no database, showing the reader the request id that
the log line of the failure carries."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.template.loader import render_to_string

from .logs import request_id_of


def stylesheet_url():
    """The hashed address when the static manifest is there, the plain one otherwise: whitenoise
    serves both, and a missing manifest must not turn the error page into a second error."""
    try:
        from django.templatetags.static import static

        return static("css/error.css")
    except Exception:  # noqa: BLE001 - the error page must always render
        return settings.STATIC_URL + "css/error.css"


def server_error(request, template_name="500.html"):
    html = render_to_string(template_name, {"request_id": request_id_of(request), "stylesheet": stylesheet_url()})
    return HttpResponseServerError(html)
