"""The published case studies held in memory as bitsets, so that every facet count, the matrix
and the result order cost microseconds instead of a SQL aggregate each.

Bit i stands for the i-th newest published case study under the index page. Each facet value
has a mask (a Python int) with the bits of the case studies that have it; a filter is an AND of
ORs of masks, and a count is `mask.bit_count()`. At 10,000 case studies a mask is 1.25 KB and
the whole index about 6 MB, 10 MB with the word indexes (titles and summaries, for
ranking and suggestions, are most of it).

An index is brought up to date only when `FindableVersion`'s token changes: `casestudies/signals.py`
bumps it whenever a case study is published, unpublished, moved or deleted, a privacy setting
changes, or a taxonomy term, partner organisation or synonym group is saved. Each request checks
the token with one small query, so every process sees a change on its next request.

Most changes are one page's (an editor publishing a case study), and each is recorded with the
page's id (`FindableChange`). A process whose index is a few such steps behind patches it: it
reads those pages again and builds a new index from the old one with their bits, years, texts and
words replaced (`patched`), in milliseconds where a rebuild takes seconds at 100,000 case studies.
Anything else (a term, an organisation, a synonym, privacy, a page with children, a broken or long
chain) rebuilds the whole index. A patched index equals a rebuilt one field by field
(tests/casestudies/test_facet_index_patch.py), and an index is never changed once made: requests
holding the old one finish with it.
"""

import threading
from collections import Counter

from django.db import connection

from ..models.findable import FindableChange, FindableVersion
from .bitsets import any_of, mask_of, positions_of
from .index_building import build
from .index_patching import NeedsRebuild, patched

MAX_STEPS = 50  # a process further behind than this rebuilds (it has been idle a while)

_indexes = {}
_lock = threading.Lock()
updates = Counter()  # "built" and "patched": how this process's indexes were last brought up to date


__all__ = ["any_of", "build", "facet_index", "mask_of", "positions_of", "updates", "MAX_STEPS"]


def facet_index(index_page):
    """The current index for `index_page`, brought up to date if anything findable changed since
    it was made."""
    version = FindableVersion.current()
    key = (connection.alias, connection.settings_dict["NAME"], index_page.pk)
    index = _indexes.get(key)
    if index is None or index.version != version:
        with _lock:
            index = _indexes.get(key)
            if index is None or index.version != version:
                index = _indexes[key] = brought_up_to_date(index, index_page, version)
    return index


def brought_up_to_date(old, index_page, version):
    """`old` patched for the pages changed since it was made, when each change was one page's
    and there were few; otherwise a rebuild."""
    if old is not None:
        steps = FindableChange.steps_since(old.version, version, MAX_STEPS)
        if steps is not None:
            try:
                index = patched(old, index_page, version, steps)
            except NeedsRebuild:
                pass
            else:
                updates["patched"] += 1
                return index
    updates["built"] += 1
    return build(index_page, version)
