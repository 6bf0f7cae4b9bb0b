"""`X-Served-By`: which app server answered, when several stand behind one load balancer.

Set DJANGO_INSTANCE_NAME (e.g. `app-a`) on each server; unset, no header is sent. The
middleware runs outermost, so a page served from the shared response cache still names the
server that answered this request, not the one that rendered the page.
"""

from django.conf import settings

HEADER = "X-Served-By"


class ServedByMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.name = getattr(settings, "INSTANCE_NAME", "")

    def __call__(self, request):
        response = self.get_response(request)
        if self.name:
            response[HEADER] = self.name
        return response
