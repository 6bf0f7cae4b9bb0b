from wagtail import hooks
from wagtail.models import PageViewRestriction

from casestudies.models import private_section_paths

from .responsecache import mark_uncacheable


@hooks.register("before_serve_page", order=-1)
def never_cache_private_pages(page, request, serve_args, serve_kwargs):
    """A private page is never stored, even for a reader who has unlocked it."""
    if private_section_paths():
        restrictions = page.get_view_restrictions()
    else:
        # No restriction anywhere on the site (read once per findable-content token, which every
        # restriction saved or deleted moves): none applies here, aliases or not.
        restrictions = PageViewRestriction.objects.none()
    if restrictions:  # evaluates the query set once
        mark_uncacheable(request)
    # Wagtail's own check (an on_serve_page hook, run next on this same instance) asks again:
    # hand it the rows already read rather than more queries per page served.
    page.get_view_restrictions = lambda: restrictions
