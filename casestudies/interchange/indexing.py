"""Search and reference indexing for the pages an import writes: deferred while a record is
written, then done once per page, in batches.

Why the swap below: modelsearch connects `post_save_signal_handler` to every indexed model,
so each of the three page saves in writing one record re-indexes the page (and Wagtail
re-indexes its references on every save of the page and of each child row, a dozen times).
Wagtail has no public switch to pause search indexing for one block of code
(`disable_reference_index_auto_update` exists for references only), so
`install_deferrable_search_indexing` replaces modelsearch's handler for CaseStudyPage with one
that does nothing while the current thread is inside `search_index_updates_deferred`, and
behaves identically otherwise. It depends on modelsearch's handler name and on its being
connected per model with `sender=`; if modelsearch gains a context manager to defer
indexing, use that and delete the swap.
"""

import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler as search_post_save_handler
from wagtail.models import ReferenceIndex

from ..models.case_study import CaseStudyPage


class IndexBatch:
    """Search and reference indexing for the pages an import writes, done in bulk.

    Indexing one page at a time costs a third of an import's time (and, on SQLite, grows with
    the size of the index); in batches with the related rows prefetched it is cheap. The
    importer flushes the batch inside the transaction that wrote its pages (the database search
    backend's entries are rows like any other), so a page is never committed without its entry.
    """

    size = 50

    def __init__(self):
        self.pks = []

    def add(self, page):
        self.pks.append(page.pk)
        if len(self.pks) >= self.size:
            self.flush()

    def flush(self):
        if not self.pks:
            return
        pages = list(
            CaseStudyPage.objects.filter(pk__in=self.pks)
            .select_related("region")
            .prefetch_related("partners__organisation", "feature_evidence", "impact_measures")
        )
        self.pks = []
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(CaseStudyPage, pages)
        for page in pages:
            with transaction.atomic():
                ReferenceIndex.create_or_update_for_object(page)


_search_deferral = threading.local()
_install_lock = threading.Lock()


def _index_unless_deferred(sender, instance, **kwargs):
    if not getattr(_search_deferral, "active", False):
        search_post_save_handler(instance=instance, **kwargs)


def install_deferrable_search_indexing():
    """Swap modelsearch's save handler for case studies for one that a thread can pause.

    The swap is made once and behaves identically unless the current thread is importing, so
    saves in other threads are indexed as usual.
    """
    with _install_lock:
        if post_save.disconnect(search_post_save_handler, sender=CaseStudyPage):
            post_save.connect(
                _index_unless_deferred,
                sender=CaseStudyPage,
                weak=False,
                dispatch_uid="casestudies_deferrable_search_index",
            )


@contextmanager
def search_index_updates_deferred():
    install_deferrable_search_indexing()
    _search_deferral.active = True
    try:
        yield
    finally:
        _search_deferral.active = False
