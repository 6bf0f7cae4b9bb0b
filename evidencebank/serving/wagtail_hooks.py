from wagtail import hooks

from .responsecache import mark_uncacheable


@hooks.register("before_serve_page", order=-1)
def never_cache_private_pages(page, request, serve_args, serve_kwargs):
    """A private page is never stored, even for a reader who has unlocked it."""
    restrictions = page.get_view_restrictions()
    if restrictions:  # evaluates the query set once
        mark_uncacheable(request)
    # Wagtail's own check (an on_serve_page hook, run next on this same instance) asks again:
    # hand it the rows already read rather than two more queries per page served.
    page.get_view_restrictions = lambda: restrictions
