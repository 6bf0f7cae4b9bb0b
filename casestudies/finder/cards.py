"""The cards of a page of results, each rendered once per live revision and then shared by every
list, search and landing page that shows it: a page of results that is not kept whole (see
`casestudies.renderings`) costs one cache read for its cards and
reads from the database only the case studies whose cards were not kept."""

from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from ..digest import digest

CARD_TEMPLATE = "casestudies/includes/result_card.html"
CACHE_ALIAS = "default"
CARD_SECONDS = 24 * 3600


def card_keys(finding, terms):
    """A card shows its case study at one revision, the terms, organisations and addresses of
    the index's generation, and the reader's words highlighted."""
    index = finding.index
    words = digest(repr(sorted(terms)))[:16]
    return {
        pk: f"card:{index.generation}:{pk}:{index.revisions[index.positions[pk]]}:{words}" for pk in finding.result_pks
    }


def result_cards(search, finding):
    """The page of results' cards, in order, as HTML."""
    terms = search.query.highlight_terms()
    keys = card_keys(finding, terms)
    cache = caches[CACHE_ALIAS]
    cards = cache.get_many(list(keys.values()))
    missing = [pk for pk in finding.result_pks if keys[pk] not in cards]
    if missing:
        made = {}
        for page in search.loaded(missing):
            made[keys[page.pk]] = render_to_string(CARD_TEMPLATE, {"case_study": page, "compare": True})
        cache.set_many(made, CARD_SECONDS)
        cards.update(made)
    return [mark_safe(cards[keys[pk]]) for pk in finding.result_pks if keys[pk] in cards]  # noqa: S308 - our own template's output
