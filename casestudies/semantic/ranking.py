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
_kept = {}  # database -> (token, pks, passages, matrix)


@dataclass(frozen=True)
class Close:
    pk: int
    similarity: float
    passage: str


def stored_vectors():
    import numpy

    token = FindableVersion.current()
    key = (connection.alias, connection.settings_dict["NAME"])
    kept = _kept.get(key)
    if kept is None or kept[0] != token:
        rows = list(
            CaseStudyVector.objects.filter(model_version=MODEL_VERSION)
            .order_by("page_id", "chunk")
            .values_list("page_id", "passage", "vector")
        )
        matrix = numpy.frombuffer(b"".join(bytes(r[2]) for r in rows), dtype=numpy.float32).reshape(
            len(rows), DIMENSIONS
        )
        kept = (token, [r[0] for r in rows], [r[1] for r in rows], matrix)
        with _lock:
            _kept[key] = kept
    return kept[1:]


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


def ranked(question, allowed):
    import numpy

    pks, passages, matrix = stored_vectors()
    if not pks:
        return []
    model = embedder()
    if model is None:
        return []
    similarities = matrix @ model.embed([question])[0]
    above = numpy.flatnonzero(similarities >= FLOOR)
    found, seen = [], set()
    for row in above[numpy.argsort(-similarities[above])]:
        similarity = float(similarities[row])
        if similarity < FLOOR or len(found) >= CANDIDATES:
            break
        pk = pks[row]
        if pk in seen or pk not in allowed:
            continue
        seen.add(pk)
        found.append(Close(pk, similarity, passages[row]))
    return found
