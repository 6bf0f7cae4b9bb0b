"""A token that changes whenever anything a reader can find or filter by changes, so that every
process can tell, with one tiny query, whether its in-memory facet index is still current.

Each change of the token is also written to `FindableChange`, in the same transaction: the token
before and after, and the page when the change was one page's own (published, unpublished,
moved or deleted). A process whose index was built at an older token follows that chain and, if
every step is one page, patches its index for those pages instead of rebuilding it
(`casestudies/finder/facet_index.py`)."""

import contextvars
import uuid
from contextlib import contextmanager

from django.db import connection, models, transaction
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
        token = cls.read_token()
        if token is None:
            token = cls.objects.create().token
        if memo is not None:
            memo["token"] = token
        return token

    @classmethod
    def read_token(cls):
        """`values_list("token", flat=True).first()` as plain SQL: it runs on every request,
        cached ones too, and compiling the ORM query cost more than the database's answer."""
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT token FROM {cls._meta.db_table} ORDER BY id LIMIT 1")
            row = cursor.fetchone()
        return row[0] if row else None

    @classmethod
    def current_with_time(cls):
        """(token, changed_at) in one query."""
        row = cls.objects.values_list("token", "changed_at").first()
        if row is None:
            created = cls.objects.create()
            row = (created.token, created.changed_at)
        return row

    @classmethod
    def bump(cls, page_id=None):
        """Move the token. `page_id`: the change was that page's alone (nothing else a reader
        can find changed with it); None for anything else, which makes every index rebuild."""
        memo = _read_in_this_request.get()
        if memo:
            memo.clear()
        with transaction.atomic():
            FindableChange.record(cls.swap_token(), page_id)

    @classmethod
    def swap_token(cls):
        """Replace the token, returning (previous, new). A compare-and-swap, so that two bumps at
        once can never both claim the same previous token (a forked chain would hide a change);
        after a few lost races the previous token is given as unknown, which forces a rebuild."""
        for _ in range(CAS_ATTEMPTS):
            row = cls.objects.values_list("pk", "token").first()
            if row is None:
                return None, cls.objects.create().token
            token = new_token()
            if cls.objects.filter(pk=row[0], token=row[1]).update(token=token, changed_at=timezone.now()):
                return row[1], token
        token = new_token()
        cls.objects.update(token=token, changed_at=timezone.now())
        return None, token


CAS_ATTEMPTS = 5


class FindableChange(models.Model):
    """One move of the findable-content token: from `previous` to `token`, and the one page the
    change was about (None: anything else). Only the newest KEEP rows are kept."""

    KEEP = 200

    token = models.CharField(max_length=32, unique=True)
    previous = models.CharField(max_length=32, blank=True, default="")
    page_id = models.IntegerField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "findable content change"

    def __str__(self):
        return f"{self.previous or '?'} -> {self.token} ({self.page_id or 'anything'})"

    @classmethod
    def record(cls, tokens, page_id):
        previous, token = tokens
        change = cls.objects.create(token=token, previous=previous or "", page_id=page_id)
        cls.objects.filter(pk__lte=change.pk - cls.KEEP).delete()
        return change

    @classmethod
    def steps_since(cls, since, until, limit):
        """The page ids changed from token `since` to token `until`, oldest first, if the chain
        between them is unbroken, at most `limit` steps long and every step is one page's;
        otherwise None (the caller rebuilds). One query."""
        rows = cls.objects.order_by("-pk").values_list("token", "previous", "page_id")[: limit * 2]
        by_token = {token: (previous, page_id) for token, previous, page_id in rows}
        steps, token = [], until
        while token != since:
            if token not in by_token or len(steps) >= limit:
                return None
            previous, page_id = by_token[token]
            if page_id is None or not previous:
                return None
            steps.append(page_id)
            token = previous
        return steps[::-1]


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
