"""The case studies closest in meaning to a question: exact cosine similarity over the stored
vectors, held in memory as one matrix per process and findable-content token (the token moves
whenever a vector is stored or removed). The model is loaded only when there are vectors to
compare with, so a process or test with none never pays for it."""

import logging
import threading
from dataclasses import dataclass

from django.conf import settings
from django.db import connection

from ..models.findable import FindableVersion
from ..models.vectors import CaseStudyVector
from .embedder import MODEL_VERSION, embedder

CANDIDATES = 100
DIMENSIONS = 384
# Below this cosine similarity a passage is not close enough to add its case study. On the demo
# content unrelated questions ("quantum chromodynamics lattice", "recipe for banana bread") reach
# at most 0.15, the dev set's questions 0.26 to 0.7; the dev set's figures are the same for any
# floor from 0.2 to 0.3 and any k from 20 to 100 (search.RRF_K).
FLOOR = 0.3

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_failed = []
_kept = {}  # database -> Stored


@dataclass(frozen=True)
class Close:
    pk: int
    similarity: float
    passage: str


@dataclass(frozen=True)
class Stored:
    """The vectors as one contiguous float32 matrix, its rows grouped by case study: `pages[g]`
    owns the rows `starts[g]` to `starts[g + 1]`."""

    token: str
    pages: object  # numpy int64 array, one entry per case study with vectors
    starts: object  # numpy int64 array, the first row of each
    passages: list
    matrix: object


def stored_vectors():
    import numpy

    token = FindableVersion.current()
    key = (connection.alias, connection.settings_dict["NAME"])
    kept = _kept.get(key)
    if kept is None or kept.token != token:
        rows = list(
            CaseStudyVector.objects.filter(model_version=MODEL_VERSION)
            .order_by("page_id", "chunk")
            .values_list("page_id", "passage", "vector")
        )
        matrix = numpy.frombuffer(b"".join(bytes(r[2]) for r in rows), dtype=numpy.float32).reshape(
            len(rows), DIMENSIONS
        )
        page_ids = numpy.array([r[0] for r in rows], dtype=numpy.int64)
        starts = numpy.flatnonzero(numpy.r_[True, page_ids[1:] != page_ids[:-1]]) if rows else page_ids
        kept = Stored(token, page_ids[starts], starts, [r[1] for r in rows], numpy.ascontiguousarray(matrix))
        with _lock:
            _kept[key] = kept
    return kept


def closest(question, allowed):
    """Up to CANDIDATES case studies among the pks `allowed`, closest first, each with its
    closest passage; [] when semantic search is off or fails (one warning per process)."""
    if not settings.SEMANTIC_SEARCH_ENABLED or not question.strip():
        return []
    try:
        return ranked(question, allowed)
    except Exception:  # the keyword search stands alone rather than fail the reader's search
        if not _failed:
            _failed.append(True)
            logger.warning("Semantic search failed; searching by keyword alone", exc_info=True)
        return []


def ranked(question, allowed, stored=None):
    """Each case study scored by its closest passage, in numpy: only the hundred kept are
    visited in Python (argpartition, not a sort of every row). `stored`: the database's vectors
    unless given (the benchmark's random ones)."""
    import numpy

    stored = stored or stored_vectors()
    if not len(stored.pages):
        return []
    model = embedder()
    if model is None:
        return []
    # einsum's own loop on this thread, not BLAS: OpenBLAS's threads spin after a product and
    # on two cores took a core from the rest of the request (a hybrid search cost twice as much).
    similarities = numpy.einsum("ij,j->i", stored.matrix, model.embed_question(question))
    best = numpy.maximum.reduceat(similarities, stored.starts)
    permitted = numpy.isin(stored.pages, numpy.fromiter(allowed, dtype=numpy.int64, count=len(allowed)))
    groups = numpy.flatnonzero((best >= FLOOR) & permitted)
    if len(groups) > CANDIDATES:
        groups = groups[numpy.argpartition(-best[groups], CANDIDATES - 1)[:CANDIDATES]]
    groups = groups[numpy.argsort(-best[groups], kind="stable")]
    ends = numpy.r_[stored.starts[1:], len(similarities)]
    found = []
    for group in groups.tolist():
        start = int(stored.starts[group])
        row = start + int(numpy.argmax(similarities[start : ends[group]]))
        found.append(Close(int(stored.pages[group]), float(best[group]), stored.passages[row]))
    return found
