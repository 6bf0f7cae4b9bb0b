"""A token that changes whenever anything a reader can find or filter by changes, so that every
process can tell, with one tiny query, whether its in-memory facet index is still current."""

import contextvars
import uuid
from contextlib import contextmanager

from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.models import PageViewRestriction

# Within one request the token is read once: the response cache, the facet index and the site
# links all ask for it, and one reading gives the request a consistent view. A bump clears it.
_read_in_this_request = contextvars.ContextVar("findable_token_read", default=None)


def new_token():
    return uuid.uuid4().hex


@contextmanager
def token_read_once():
    """Remember the token for the rest of the block (a request: see casestudies.middleware)."""
    reset = _read_in_this_request.set({})
    try:
        yield
    finally:
        _read_in_this_request.reset(reset)


class FindableVersion(models.Model):
    """One row. A random token rather than a counter: a rolled-back transaction restores the old
    token, and no other state can ever be mistaken for the one an index was built from."""

    token = models.CharField(max_length=32, default=new_token)
    # When the token last changed: the API's Last-Modified.
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "findable content version"

    def __str__(self):
        return self.token

    @classmethod
    def current(cls):
        memo = _read_in_this_request.get()
        if memo:
            return memo["token"]
        token = cls.objects.values_list("token", flat=True).first()
        if token is None:
            token = cls.objects.create().token
        if memo is not None:
            memo["token"] = token
        return token

    @classmethod
    def current_with_time(cls):
        """(token, changed_at) in one query."""
        row = cls.objects.values_list("token", "changed_at").first()
        if row is None:
            created = cls.objects.create()
            row = (created.token, created.changed_at)
        return row

    @classmethod
    def bump(cls):
        memo = _read_in_this_request.get()
        if memo:
            memo.clear()
        if not cls.objects.update(token=new_token(), changed_at=timezone.now()):
            cls.objects.create()


# The private sections' paths, read once per token: a privacy change, a move or a delete moves
# the token, so the list is never stale and a listing pays no query for it.
_private_paths = {}


def private_section_paths():
    token = FindableVersion.current()
    paths = _private_paths.get(token)
    if paths is None:
        paths = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        _private_paths.clear()
        _private_paths[token] = paths
    return paths


def readable(pages):
    """`pages.live().public()`: live, and not in a private section (a restricted page or one
    below it), as Wagtail's `public()` decides, with the sections read once per token."""
    private = Q()
    for path in private_section_paths():
        private |= Q(path__startswith=path)
    return pages.live().exclude(private) if private else pages.live()
