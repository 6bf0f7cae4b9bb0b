"""The published case studies held in memory as bitsets, so that every facet count, the matrix
and the result order cost microseconds instead of a SQL aggregate each.

Bit i stands for the i-th newest published case study under the index page. Each facet value
has a mask (a Python int) with the bits of the case studies that have it; a filter is an AND of
ORs of masks, and a count is `mask.bit_count()`. At 10,000 case studies a mask is 1.25 KB and
the whole index about 6 MB, 10 MB with the word indexes (titles and summaries, for
ranking and suggestions, are most of it).

An index is rebuilt only when `FindableVersion`'s token changes: `casestudies/signals.py` bumps it
whenever a case study is published, unpublished, moved or deleted, a privacy setting changes, or
a taxonomy term, partner organisation or synonym group is saved. Each request checks the token
with one small query, so every process sees a change on its next request.
"""

import bisect
import re
import threading
from dataclasses import dataclass
from functools import cached_property

from django.db import connection

from ..models.case_study import CaseStudyPage, CaseStudyPartner
from ..models.findable import FindableVersion
from ..models.synonyms import SynonymGroup
from .facets import FACETS
from .query import terms_pattern, words_of


def mask_of(positions, size):
    bits = bytearray((size + 7) // 8)
    for position in positions:
        bits[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(bits, "little")


def positions_of(mask):
    """The set bits of `mask`, lowest (newest case study) first."""
    return [match.start() for match in re.finditer("1", bin(mask)[:1:-1])]


def any_of(masks):
    combined = 0
    for mask in masks:
        combined |= mask
    return combined


@dataclass(frozen=True)
class FacetIndex:
    version: str
    pks: list  # position -> page pk, newest first
    titles: list  # position -> title
    summaries: list  # position -> summary
    title_rank: list  # position -> place in A-to-Z order
    options: dict  # facet param -> [(value, label)] in display order
    values: dict  # facet param -> {value: mask}
    start_years: dict  # start year -> mask
    end_years: dict  # end year (None: still running) -> mask
    synonyms: list  # the synonym groups' term lists

    @property
    def size(self):
        return len(self.pks)

    @property
    def everything(self):
        return (1 << self.size) - 1

    def value_mask(self, param, value):
        return self.values[param].get(value, 0)

    def facet_mask(self, param, values):
        """Case studies with any of the values (values within a facet are OR)."""
        return any_of(self.value_mask(param, value) for value in values)

    @cached_property
    def positions(self):
        return {pk: i for i, pk in enumerate(self.pks)}

    def pks_mask(self, pks):
        positions = self.positions
        return mask_of((positions[pk] for pk in pks if pk in positions), self.size)

    # Word indexes for best-match ranking and title suggestions, built on first use
    # (cached_property writes to __dict__, which a frozen dataclass allows).
    @cached_property
    def title_words(self):
        return WordIndex(self.titles)

    @cached_property
    def summary_words(self):
        return WordIndex(self.summaries)

    def title_prefix_mask(self, prefix):
        return mask_of(self.title_words.positions_with_prefix(prefix), self.size)

    @cached_property
    def partner_names(self):
        """The partner organisations of published case studies, A to Z."""
        positions = self.positions
        rows = CaseStudyPartner.objects.values_list("page_id", "organisation__name")
        return sorted({name for pk, name in rows if pk in positions}, key=str.casefold)

    def years_mask(self, from_year=None, to_year=None):
        """Case studies running at any time between the years (either may be missing)."""
        mask = self.everything
        if from_year:
            started = any_of(self.start_years.values())
            still_running = self.end_years.get(None, 0)
            ended_since = any_of(m for year, m in self.end_years.items() if year is not None and year >= from_year)
            mask &= started & (still_running | ended_since)
        if to_year:
            mask &= any_of(m for year, m in self.start_years.items() if year <= to_year)
        return mask


class WordIndex:
    """Which texts hold each word (lower-case runs of letters and digits, as `words_of` and
    the highlighter see them): a word's texts are one dictionary look-up away."""

    def __init__(self, texts):
        self.texts = texts
        self.postings = {}
        for i, text in enumerate(texts):
            for word in set(words_of(text)):
                self.postings.setdefault(word, []).append(i)

    def positions_with(self, terms):
        """Texts holding any of the words or phrases (a phrase's words in order)."""
        found = set()
        for term in terms:
            words = term.split()
            if len(words) == 1:
                found.update(self.postings.get(words[0], ()))
                continue
            candidates = set(self.postings.get(words[0], ()))
            for word in words[1:]:
                candidates.intersection_update(self.postings.get(word, ()))
            pattern = terms_pattern([term])
            found.update(i for i in candidates if pattern.search(self.texts[i]))
        return found

    @cached_property
    def sorted_words(self):
        return sorted(self.postings)

    def positions_with_prefix(self, prefix):
        words = self.sorted_words
        start = bisect.bisect_left(words, prefix)
        end = bisect.bisect_left(words, prefix + "\U0010ffff")
        return {i for word in words[start:end] for i in self.postings[word]}


def value_rows(lookup):
    """(page pk, value) for a many-valued lookup such as "policy_levers__slug", read from the
    link table itself: half the cost of joining through CaseStudyPage."""
    name, rest = lookup.split("__", 1)
    field = CaseStudyPage._meta.get_field(name)
    if field.many_to_many:
        links = field.remote_field.through.objects
        return links.values_list(f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}__{rest}")
    return field.related_model.objects.values_list(f"{field.field.name}_id", rest)  # a child relation


def build(index_page, version):
    """Read the published case studies under `index_page` and their facet values: one query
    for the page fields and one per many-valued facet, whatever the size of the bank."""
    single = [f for f in FACETS if not f.many]
    published = CaseStudyPage.objects.child_of(index_page).published()
    rows = list(
        published.order_by("-first_published_at", "-pk").values_list(
            "pk", "title", "summary", "start_year", "end_year", *[f.lookup for f in single]
        )
    )
    size = len(rows)
    positions = {row[0]: i for i, row in enumerate(rows)}
    grouped = {f.param: {} for f in FACETS}
    start_years, end_years = {}, {}
    for i, (_pk, _title, _summary, start, end, *values) in enumerate(rows):
        for facet, value in zip(single, values):
            if value not in (None, ""):
                grouped[facet.param].setdefault(str(value), []).append(i)
        if start is not None:
            start_years.setdefault(start, []).append(i)
        end_years.setdefault(end, []).append(i)
    for facet in FACETS:
        if facet.many:
            for pk, value in value_rows(facet.lookup):
                if pk in positions:
                    grouped[facet.param].setdefault(str(value), []).append(positions[pk])
    titles = [row[1] for row in rows]
    by_title = sorted(range(size), key=lambda i: (titles[i].casefold(), titles[i], rows[i][0]))
    title_rank = [0] * size
    for rank, i in enumerate(by_title):
        title_rank[i] = rank
    index = FacetIndex(
        version=version,
        pks=[row[0] for row in rows],
        titles=titles,
        summaries=[row[2] for row in rows],
        title_rank=title_rank,
        options={facet.param: facet.options() for facet in FACETS},
        values={
            param: {value: mask_of(found, size) for value, found in by_value.items()}
            for param, by_value in grouped.items()
        },
        start_years={year: mask_of(found, size) for year, found in start_years.items()},
        end_years={year: mask_of(found, size) for year, found in end_years.items()},
        synonyms=SynonymGroup.term_lists(),
    )
    return index


_indexes = {}
_lock = threading.Lock()


def facet_index(index_page):
    """The current index for `index_page`, rebuilt if anything findable changed since it was made."""
    version = FindableVersion.current()
    key = (connection.alias, connection.settings_dict["NAME"], index_page.pk)
    index = _indexes.get(key)
    if index is None or index.version != version:
        with _lock:
            index = _indexes.get(key)
            if index is None or index.version != version:
                index = _indexes[key] = build(index_page, version)
    return index
