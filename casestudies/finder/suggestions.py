"""As-you-type suggestions for the search box: case-study titles, partner organisations and
taxonomy terms, each with the address it leads to. Read from the facet index, so a keystroke
costs the same two small queries however large the bank is."""

from ..models.case_study import CaseStudyPage
from .facet_index import facet_index, positions_of
from .facets import FACETS
from .query import clean_query, words_of
from .state import FinderState

LIMIT = 5


def suggestions_for(index_page, text):
    query = clean_query(text)[:100]
    words = words_of(query)
    if not words or len(query) < 2:
        return {"query": query, "suggestions": []}
    index = facet_index(index_page)
    listing = FinderState(index_page.url)
    found = []
    # Titles with a word starting with each word typed, newest first.
    matching = index.everything
    for word in words:
        matching &= index.title_prefix_mask(word)
    pks = [index.pks[i] for i in positions_of(matching)[:LIMIT]]
    pages = {page.pk: page for page in CaseStudyPage.objects.filter(pk__in=pks).defer_streamfields()}
    for pk in (pk for pk in pks if pk in pages):
        found.append({"kind": "Case study", "label": pages[pk].title, "url": pages[pk].url})
    partners = [name for name in index.partner_names if all(word in name.lower() for word in words)]
    for name in partners[:LIMIT]:
        found.append({"kind": "Partner", "label": name, "url": listing.only(q=name)})
    for facet in (facet for facet in FACETS if facet.suggested):
        for slug, name in index.options[facet.param]:
            name_words = words_of(name)
            if all(any(n.startswith(w) for n in name_words) for w in words):
                found.append(
                    {"kind": facet.noun.capitalize(), "label": name, "url": listing.only(**{facet.param: [slug]})}
                )
    return {"query": query, "suggestions": found[: LIMIT * 3]}
