from .models.findable import token_read_once


class FindableTokenPerRequestMiddleware:
    """Read the findable-content token at most once per request (see models/findable.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with token_read_once():
            return self.get_response(request)
