"""The documented bound on a query string: MAX_QUERY_STRING_LENGTH characters (4,000), above
which the site answers 414 at once, before any parsing or database work.

Every finder address fits well inside it: all 77 filter values ticked, a 200-character search
of percent-encoded non-Latin text, years, sort and page come to about 3,400 characters. It also
sits under gunicorn's own request-line limit (4,094 bytes), so the two never disagree.
"""

from django.conf import settings
from django.http import HttpResponse

from api.problem_details import problem_response, wants_problem

DEFAULT_MAX_QUERY_STRING_LENGTH = 4_000


class QueryStringLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = getattr(settings, "MAX_QUERY_STRING_LENGTH", DEFAULT_MAX_QUERY_STRING_LENGTH)
        if len(request.META.get("QUERY_STRING", "")) > limit:
            detail = f"The query is over {limit:,} characters. Use fewer parameters or a shorter search."
            if wants_problem(request):
                return problem_response(414, detail, request=request)
            response = HttpResponse(
                f"This address is too long: its query is over {limit:,} characters. "
                "Choose fewer filters or a shorter search and try again.\n",
                status=414,
                content_type="text/plain; charset=utf-8",
            )
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
