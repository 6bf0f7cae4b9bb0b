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

import bisect
import gc
import re
import threading
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from django.db import connection

from ..models.case_study import CaseStudyPage
from ..models.findable import FindableChange, FindableVersion
from ..models.synonyms import SynonymGroup
from .facets import FACETS
from .query import terms_pattern, words_of

SINGLE = [facet for facet in FACETS if not facet.many]
MANY = [facet for facet in FACETS if facet.many]
PARTNER_NAMES = "partners__organisation__name"
MAX_STEPS = 50  # a process further behind than this rebuilds (it has been idle a while)


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


def value_rows(lookup, pks=None):
    """(page pk, value) for a many-valued lookup such as "policy_levers__slug", read from the
    link table itself: half the cost of joining through CaseStudyPage. `pks`: only these pages."""
    name, rest = lookup.split("__", 1)
    field = CaseStudyPage._meta.get_field(name)
    if field.many_to_many:
        links = field.remote_field.through.objects
        page_column = f"{field.m2m_field_name()}_id"
        value = f"{field.m2m_reverse_field_name()}__{rest}"
    else:  # a child relation
        links = field.related_model.objects
        page_column, value = f"{field.field.name}_id", rest
    if pks is not None:
        links = links.filter(**{f"{page_column}__in": pks})
    return links.values_list(page_column, value)


ROW = ("pk", "title", "summary", "first_published_at", "live_revision_id", "start_year", "end_year")
COLUMNS = len(ROW) - 2  # what a patch inserts at a page's position: pk to revision


def read_pages(index_page, pks=None):
    """The published case studies under `index_page` (or those of `pks` that are), newest
    first, as rows (pk, title, summary, first published, start year, end year, then each
    single-valued facet's value; see ROW), and their many-valued facets' and partners' (pk, value) pairs:
    one query for the page fields and one per many-valued lookup, whatever the size of the bank."""
    published = CaseStudyPage.objects.child_of(index_page).published()
    if pks is not None:
        published = published.filter(pk__in=pks)
    rows = list(published.order_by("-first_published_at", "-pk").values_list(*ROW, *[f.lookup for f in SINGLE]))
    present = {row[0] for row in rows}
    linked = {
        lookup: [(pk, value) for pk, value in value_rows(lookup, pks) if pk in present]
        for lookup in [facet.lookup for facet in MANY] + [PARTNER_NAMES]
    }
    return rows, linked


def build(index_page, version):
    """The whole index, read afresh."""
    rows, linked = read_pages(index_page)
    size = len(rows)
    positions = {row[0]: i for i, row in enumerate(rows)}
    grouped = {f.param: {} for f in FACETS}
    start_years, end_years, partners = {}, {}, {}
    for i, (_pk, _title, _summary, _published, _revision, start, end, *values) in enumerate(rows):
        for facet, value in zip(SINGLE, values):
            if value not in (None, ""):
                grouped[facet.param].setdefault(str(value), []).append(i)
        if start is not None:
            start_years.setdefault(start, []).append(i)
        end_years.setdefault(end, []).append(i)
    for facet in MANY:
        for pk, value in linked[facet.lookup]:
            grouped[facet.param].setdefault(str(value), []).append(positions[pk])
    for pk, name in linked[PARTNER_NAMES]:
        partners.setdefault(name, []).append(positions[pk])
    titles = [row[1] for row in rows]
    by_title = sorted(range(size), key=lambda i: (titles[i].casefold(), titles[i], rows[i][0]))
    title_rank = [0] * size
    for rank, i in enumerate(by_title):
        title_rank[i] = rank
    pks = [row[0] for row in rows]

    def masks(found_by_key):
        return {key: mask_of(found, size) for key, found in found_by_key.items()}

    return FacetIndex(
        version=version,
        pks=pks,
        titles=titles,
        summaries=[row[2] for row in rows],
        published_at=[row[3] for row in rows],
        revisions=[row[4] for row in rows],
        title_rank=title_rank,
        by_title=[pks[i] for i in by_title],
        options={facet.param: facet.options() for facet in FACETS},
        values={param: masks(by_value) for param, by_value in grouped.items()},
        start_years=masks(start_years),
        end_years=masks(end_years),
        partners=masks(partners),
        synonyms=SynonymGroup.term_lists(),
        generation=generation_before(version, set(pks)),
    )


def generation_before(version, case_studies):
    """The token after the newest change that was not one of `case_studies`' own: the steps
    since are all published case studies', so a process that rebuilds shares the generation of
    one that patched through them. One query."""
    rows = FindableChange.objects.order_by("-pk").values_list("token", "previous", "page_id")[: FindableChange.KEEP]
    by_token = {token: (previous, page_id) for token, previous, page_id in rows}
    token = version
    while token in by_token:
        previous, page_id = by_token[token]
        if page_id not in case_studies or not previous:
            break
        token = previous
    return token


class NeedsRebuild(Exception):
    """The change cannot be patched in (a page without a first publication date to order by)."""


def keys_of(row, linked):
    """Each mask dictionary's keys that one page's row sets, in the order of `mask_dicts`."""
    pk, _title, _summary, _published, _revision, start, end, *single = row
    keys = {facet.param: set() for facet in FACETS}
    for facet, value in zip(SINGLE, single):
        if value not in (None, ""):
            keys[facet.param].add(str(value))
    for facet in MANY:
        keys[facet.param].update(str(value) for page, value in linked[facet.lookup] if page == pk)
    years = ({start} if start is not None else set(), {end})
    partners = {name for page, name in linked[PARTNER_NAMES] if page == pk}
    return [*(keys[facet.param] for facet in FACETS), *years, partners]


def insertion_point(pks, published_at, published, pk):
    """Where a page first published at `published` goes in the newest-first order."""
    if published is None:
        raise NeedsRebuild
    low, high = 0, len(pks)
    while low < high:
        middle = (low + high) // 2
        if published_at[middle] is None:
            raise NeedsRebuild
        if (published_at[middle], pks[middle]) > (published, pk):
            low = middle + 1
        else:
            high = middle
    return low


def patched(old, index_page, version, page_ids):
    """`patch` with the cyclic garbage collector paused: the patch allocates enough to set off a
    full collection, which walks every object of every index held (most of a patch's time at
    100,000 case studies), and it makes no cycles."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return patch(old, index_page, version, page_ids)
    finally:
        if paused:
            gc.enable()


def patch(old, index_page, version, page_ids):
    """A new index: `old` with the pages of `page_ids` read again (each taken out, and put back
    in its place if it is still a published case study under `index_page`). Equal to
    `build(index_page, version)` when those pages are all that changed since `old` was made."""
    changed = set(page_ids)
    rows, linked = read_pages(index_page, changed)
    pks, titles, summaries = list(old.pks), list(old.titles), list(old.summaries)
    published_at, revisions = list(old.published_at), list(old.revisions)
    values = {param: dict(masks) for param, masks in old.values.items()}
    mask_dicts = [*(values[facet.param] for facet in FACETS)]
    start_years, end_years, partners = dict(old.start_years), dict(old.end_years), dict(old.partners)
    mask_dicts += [start_years, end_years, partners]
    old_positions = old.positions
    leaving = sorted((old_positions[pk] for pk in changed if pk in old_positions), reverse=True)
    for position in leaving:
        for column in (pks, titles, summaries, published_at, revisions):
            del column[position]
        for masks in mask_dicts:
            for key, mask in list(masks.items()):
                mask = without_bit(mask, position)
                if mask:
                    masks[key] = mask
                else:
                    del masks[key]
    for row in rows:
        position = insertion_point(pks, published_at, row[3], row[0])
        for column, value in zip((pks, titles, summaries, published_at, revisions), row[:COLUMNS]):
            column.insert(position, value)
        for masks, keys in zip(mask_dicts, keys_of(row, linked)):
            for key, mask in list(masks.items()):
                masks[key] = with_bit(mask, position, key in keys)
            for key in keys - masks.keys():
                masks[key] = 1 << position
    positions = dict(zip(pks, range(len(pks))))
    by_title = list(old.by_title)
    for rank in sorted((old.title_rank[position] for position in leaving), reverse=True):
        del by_title[rank]
    for row in rows:
        bisect.insort(by_title, row[0], key=lambda pk: (titles[positions[pk]].casefold(), titles[positions[pk]], pk))
    title_rank = list(map(dict(zip(by_title, range(len(by_title)))).__getitem__, pks))
    index = FacetIndex(
        version=version,
        pks=pks,
        titles=titles,
        summaries=summaries,
        published_at=published_at,
        revisions=revisions,
        title_rank=title_rank,
        by_title=by_title,
        options=old.options,
        values=values,
        start_years=start_years,
        end_years=end_years,
        partners=partners,
        synonyms=old.synonyms,
        # Pages that were not case studies before or after (a standard page in the menus, a
        # reading list): what they show is not in `revisions`, so the generation moves.
        generation=old.generation if changed <= old_positions.keys() | positions.keys() else version,
    )
    index.__dict__["positions"] = positions
    for name, column, texts in (("title_words", 1, titles), ("summary_words", 2, summaries)):
        words = old.__dict__.get(name)
        if words is not None:
            before = {pk: words.texts[old_positions[pk]] for pk in changed if pk in old_positions}
            after = {row[0]: row[column] for row in rows}
            index.__dict__[name] = words.patched(texts, pks, positions, before, after)
    return index


_indexes = {}
_lock = threading.Lock()
updates = Counter()  # "built" and "patched": how this process's indexes were last brought up to date


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
