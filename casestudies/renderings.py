"""What a page's rendering depends on, said by the views that make it, for the response cache
(`evidencebank.serving.responsecache`) to act on: the query parameters it reads (`keyed_on`),
and, for a page whose content is all in a few known parts (a finder page: its counts, its
results and their revisions; a case study: its revision and its related case studies'), those
parts (`reuse_rendering`). Whether and where a rendering may be kept is the serving layer's
business, so the serving layer installs the reuser here when its middleware is built. Without
one, as in a site without the response cache, nothing is reused and every page is rendered."""

from functools import wraps

_reuser = None


def install(reuser):
    """`reuser(request, parts)` answers the response rendered earlier from the same parts, or None."""
    global _reuser
    _reuser = reuser


def reuse_rendering(request, parts):
    return _reuser(request, parts) if _reuser is not None else None


def keyed_on(response, names):
    """Say which query parameters `response` depends on: only a request whose parameters are all
    among them is stored (under its sorted parameters). A response that names none is stored only
    for a request with no query string, so junk or tracking parameters (`?utm_source=…`) are
    served fresh and never stored: they cannot push the clean page out of the cache."""
    response.cache_parameters = frozenset(names)
    return response


def cache_keyed_on(*names):
    """`keyed_on` as a view decorator."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            return keyed_on(view(request, *args, **kwargs), names)

        return wrapped

    return decorator
