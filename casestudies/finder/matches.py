"""What the full-text backend finds for a query, kept per process (and in the shared cache)
across publishes: after a publish only the changed pages are asked about again."""

from contextlib import nullcontext

from django.core.cache import caches
from django.db import connection, transaction
from wagtail.models import Page

from ..digest import digest
from ..models.findable import FindableChange, FindableVersion
from .facet_index import MAX_STEPS


def guarded():
    """A savepoint when already inside a transaction on PostgreSQL, where a failed query would
    otherwise break the rest of the transaction; nothing otherwise (a request autocommits)."""
    if connection.in_atomic_block and connection.vendor == "postgresql":
        return transaction.atomic()
    return nullcontext()


# -- what the full-text backend finds, kept per process across publishes -----------------------
MAX_KEPT_SEARCHES = 64
MATCHES_CACHE = "default"
MATCHES_SECONDS = 3600
_matches = {}  # (database, the query's concepts) -> (findable token, frozenset of page pks)


def full_text_pks(pages, query):
    found = pages.search(query.search_query(), order_by_relevance=False)
    # SearchResults.get_queryset() is the backend's lazy ORM queryset (both database backends
    # have it), so the pks are fetched without building page objects.
    return frozenset(found.get_queryset().order_by().values_list("pk", flat=True))


def matching_pks(query):
    """The pks of the pages the full-text backend finds for `query`. Asked of the whole bank
    once per query (the answer is kept in this process and in the shared cache, for the other
    processes and app servers); after a publish, or any chain of single-page changes the facet
    index can follow, only the changed pages are asked about again, so a search after a publish
    costs a query over a handful of pages instead of over every page. Anything else (a synonym,
    a term, privacy) asks the whole bank again."""
    token = FindableVersion.current()
    key = (connection.alias, connection.settings_dict["NAME"], repr(query.groups))
    kept = _matches.get(key)
    shared_key = f"matches:{digest(repr(key[1:]))}"
    if kept is None:
        kept = caches[MATCHES_CACHE].get(shared_key)
    found = kept
    if found is not None and found[0] != token:
        steps = FindableChange.steps_since(found[0], token, MAX_STEPS)
        if steps is None:
            found = None
        else:
            changed = frozenset(steps)
            found = (token, (found[1] - changed) | full_text_pks(Page.objects.filter(pk__in=changed), query))
    if found is None:
        found = (token, full_text_pks(Page.objects.all(), query))
    if found is not kept:
        caches[MATCHES_CACHE].set(shared_key, found, MATCHES_SECONDS)
    if _matches.get(key) is not found:
        while key not in _matches and len(_matches) >= MAX_KEPT_SEARCHES:
            del _matches[next(iter(_matches))]
        _matches[key] = found
    return found[1]
