"""A facet index patched for a few pages' changes (`patched`): those pages are read again and a new
index is made from the old one with their bits, years, texts and words replaced, in milliseconds
where a rebuild takes seconds at 100,000 case studies. A patched index equals a rebuilt one field
by field (tests/casestudies/test_facet_index_patch.py); a change that cannot be patched in raises
`NeedsRebuild`."""

import bisect
import gc

from .bitsets import FacetIndex, with_bit, without_bit
from .facets import FACETS
from .index_building import COLUMNS, MANY, PARTNER_NAMES, SINGLE, read_pages


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
