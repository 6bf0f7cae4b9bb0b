from wagtail import hooks

from .responsecache import mark_uncacheable


@hooks.register("before_serve_page", order=-1)
def never_cache_private_pages(page, request, serve_args, serve_kwargs):
    """A private page is never stored, even for a reader who has unlocked it."""
    if page.get_view_restrictions().exists():
        mark_uncacheable(request)
