"""Earlier renderings of pages whose content is all in a few known parts (a finder page: its
counts, its results and their revisions; a case study: its revision and its related case
studies'). The domain says what the parts are; whether and where a rendering may be kept is the
serving layer's business, so the serving layer installs the reuser here
(`evidencebank.serving.responsecache`, when its middleware is built). Without one, as in a site
without the response cache, nothing is reused and every page is rendered."""

_reuser = None


def install(reuser):
    """`reuser(request, parts)` answers the response rendered earlier from the same parts, or None."""
    global _reuser
    _reuser = reuser


def reuse_rendering(request, parts):
    return _reuser(request, parts) if _reuser is not None else None
