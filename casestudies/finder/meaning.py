"""The finder's search by meaning (casestudies/semantic/): the case studies closest to the
reader's words join those the words match, and the two rankings are fused."""

from django.utils.functional import cached_property

from ..semantic.ranking import closest
from .facet_index import mask_of

RRF_K = 60  # reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009); see ranking.FLOOR
WHY_LENGTH = 160


class ByMeaning:
    """For CaseStudySearch: `keyword_mask` is what the words match, `query_mask` adds meaning."""

    @cached_property
    def closest(self):
        """The case studies closest in meaning to the words (semantic/ranking.py), at most a
        hundred above a similarity floor: {position in the index: (rank, closest passage)}."""
        if self.query.is_empty:
            return {}
        found = closest(self.query.text, self.index.positions)
        return {self.index.positions[c.pk]: (rank, c.passage) for rank, c in enumerate(found)}

    @cached_property
    def query_mask(self):
        """What the words find: their keyword matches and the case studies closest in meaning."""
        if self.keyword_mask is None or not self.closest:
            return self.keyword_mask
        return self.keyword_mask | mask_of(list(self.closest), self.index.size)

    def why_matched(self, pk):
        """For a case study found by meaning alone, its passage closest to the question."""
        position = self.index.positions.get(pk)
        if position not in self.closest or (self.keyword_mask or 0) >> position & 1:
            return ""
        passage = self.closest[position][1]
        return passage if len(passage) <= WHY_LENGTH else passage[:WHY_LENGTH].rsplit(" ", 1)[0] + "…"

    def fused(self, positions):
        """The keyword order and the order by meaning, by reciprocal rank fusion (in numpy: no
        loop over every match in Python; the stable sort keeps ties in the order given)."""
        import numpy

        if not positions:
            return positions
        order = numpy.array(positions, dtype=numpy.int64)
        size = self.index.size
        keyword = numpy.unpackbits(
            numpy.frombuffer((self.keyword_mask or 0).to_bytes((size + 7) // 8, "little"), dtype=numpy.uint8),
            bitorder="little",
        )[order].astype(bool)
        score = numpy.zeros(len(order))
        score[keyword] = 1 / (RRF_K + numpy.arange(1, keyword.sum() + 1))
        by_meaning = numpy.zeros(size)
        for i, (rank, _) in self.closest.items():
            by_meaning[i] = 1 / (RRF_K + rank + 1)
        score += by_meaning[order]
        return order[numpy.argsort(-score, kind="stable")].tolist()
