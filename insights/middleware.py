"""Counts readers' searches and the case studies they open from them.

It sits outside the response cache, so a search answered from the cache is counted like any
other. The finder marks its pages with FINDER_RESULTS_HEADER (the number of results), which
the cache keeps with the page; this middleware reads it and removes it. An open is a case study
page (it names its permanent link, `rel="cite-as"`) requested with a Referer that is one of this
site's searches: the Referer is read, never stored. Nothing is written until the response has
been sent (the response's closers run after the last byte), and a failed write is only logged.
"""

import logging

from .events import is_reader, search_from_referer, search_of_request
from .recording import record_open, record_search, safely

logger = logging.getLogger(__name__)

FINDER_RESULTS_HEADER = "X-Finder-Results"


def after_response(response, write, *args):
    # Django calls a response's closers once the server has sent it (HttpResponse.close).
    response._resource_closers.append(lambda: safely(write, *args))


class SearchInsightsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        results = response.get(FINDER_RESULTS_HEADER)
        if results is not None:
            del response[FINDER_RESULTS_HEADER]
        if request.method != "GET" or response.status_code != 200 or not is_reader(request):
            return response
        try:
            if results is not None:
                if request.GET.get("page", "1") in ("", "1"):
                    search = search_of_request(request)
                    if search.is_question:
                        after_response(response, record_search, search, int(results))
            elif 'rel="cite-as"' in response.get("Link", ""):
                search = search_from_referer(request)
                if search is not None and search.is_question:
                    after_response(response, record_open, search)
        except Exception:  # a reader's page never fails for the log
            logger.warning("Could not read a search event", exc_info=True)
        return response
