"""What the facet index is made of (see `facet_index.py`): masks, Python ints in which bit i
stands for the i-th newest published case study, and the functions that make and read them;
`FacetIndex`, one generation of the index (each facet value's mask, the years, the partners and
the order of the results); and `WordIndex`, which texts (titles, summaries) hold each word. An
index is never changed once made: a patch builds a new one."""

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

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


def without_bit(mask, position):
    """`mask` with bit `position` taken out and the higher bits moved down one."""
    low = mask & ((1 << position) - 1)
    return low | ((mask >> (position + 1)) << position)


def with_bit(mask, position, bit):
    """`mask` with `bit` put in at `position` and the bits from there moved up one."""
    low = mask & ((1 << position) - 1)
    return low | (bit << position) | ((mask >> position) << (position + 1))


@dataclass(frozen=True)
class FacetIndex:
    version: str
    pks: list  # position -> page pk, newest first
    titles: list  # position -> title
    summaries: list  # position -> summary
    published_at: list  # position -> first published (the order is this, then the pk, descending)
    revisions: list  # position -> live revision id: what a cached rendering of the page is keyed on
    title_rank: list  # position -> place in A-to-Z order
    by_title: list  # place in A-to-Z order -> page pk (what a patch inserts a new title into)
    options: dict  # facet param -> [(value, label)] in display order
    values: dict  # facet param -> {value: mask}
    start_years: dict  # start year -> mask
    end_years: dict  # end year (None: still running) -> mask
    partners: dict  # partner organisation name -> mask
    synonyms: list  # the synonym groups' term lists
    # The token of the last change that was not one case study's own (a term, an organisation,
    # a synonym, privacy, any other page): everything the bank shows besides its case studies is
    # as it was then. With `revisions` it keys renderings that outlive other pages' publishes.
    generation: str = ""

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
        return WordIndex(self.titles, self.pks, self.positions)

    @cached_property
    def summary_words(self):
        return WordIndex(self.summaries, self.pks, self.positions)

    def title_prefix_mask(self, prefix):
        return mask_of(self.title_words.positions_with_prefix(prefix), self.size)

    @cached_property
    def partner_names(self):
        """The partner organisations of published case studies, A to Z."""
        return sorted(self.partners, key=lambda name: (name.casefold(), name))

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
    the highlighter see them): a word's texts are one dictionary look-up away. The postings
    hold page pks in ascending order, not positions, so that a page coming or going touches
    only its own words' postings (positions all move when a page is inserted)."""

    def __init__(self, texts, pks, positions, postings=None):
        self.texts, self.pks, self.positions = texts, pks, positions
        if postings is None:
            postings = {}
            for i in sorted(range(len(pks)), key=pks.__getitem__):
                pk = pks[i]
                for word in set(words_of(texts[i])):
                    postings.setdefault(word, []).append(pk)
        self.postings = postings  # word -> pks of the texts holding it, ascending

    def positions_with(self, terms):
        """Texts holding any of the words or phrases (a phrase's words in order)."""
        positions = self.positions
        found = set()
        for term in terms:
            words = term.split()
            if len(words) == 1:
                found.update(map(positions.__getitem__, self.postings.get(words[0], ())))
                continue
            candidates = set(self.postings.get(words[0], ()))
            for word in words[1:]:
                candidates.intersection_update(self.postings.get(word, ()))
            pattern = terms_pattern([term])
            found.update(i for i in map(positions.__getitem__, candidates) if pattern.search(self.texts[i]))
        return found

    @cached_property
    def sorted_words(self):
        return sorted(self.postings)

    def positions_with_prefix(self, prefix):
        words = self.sorted_words
        start = bisect.bisect_left(words, prefix)
        end = bisect.bisect_left(words, prefix + "\U0010ffff")
        positions = self.positions
        return {positions[pk] for word in words[start:end] for pk in self.postings[word]}

    def patched(self, texts, pks, positions, before, after):
        """A new word index for the new texts, given the changed pages' texts `before` and
        `after` ({pk: text}, a page absent from one side had no text there). The old index
        is left as it was; postings no change touched are shared."""
        postings = dict(self.postings)
        touched = set()
        for pk in before.keys() | after.keys():
            old_words, new_words = set(words_of(before.get(pk, ""))), set(words_of(after.get(pk, "")))
            for word in old_words - new_words:
                found = postings[word]
                at = bisect.bisect_left(found, pk)
                found = found[:at] + found[at + 1 :]
                if found:
                    postings[word] = found
                else:
                    del postings[word]
                touched.add(word)
            for word in new_words - old_words:
                found = list(postings.get(word, ()))
                bisect.insort(found, pk)
                postings[word] = found
                touched.add(word)
        index = WordIndex(texts, pks, positions, postings)
        if "sorted_words" in self.__dict__:
            words = list(self.sorted_words)
            for word in touched:
                if word in postings and word not in self.postings:
                    bisect.insort(words, word)
                elif word not in postings and word in self.postings:
                    del words[bisect.bisect_left(words, word)]
            index.__dict__["sorted_words"] = words
        return index
