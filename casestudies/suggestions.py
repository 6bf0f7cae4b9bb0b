"""As-you-type suggestions for the search box: case-study titles, partner organisations and
taxonomy terms, each with the address it leads to. A fixed, small number of queries."""

from urllib.parse import urlencode

from .models import Barrier, CaseStudyPage, PartnerOrganisation, Phase, PolicyLever, Purpose, Region, SuccessFeature
from .querytext import clean_query, words_of

LIMIT = 5
TERM_FACETS = [
    ("feature", "Success feature", SuccessFeature),
    ("lever", "Policy lever", PolicyLever),
    ("purpose", "Purpose", Purpose),
    ("phase", "Phase", Phase),
    ("region", "Region", Region),
    ("barrier", "Barrier", Barrier),
]


def suggestions_for(index_page, text):
    query = clean_query(text)[:100]
    words = words_of(query)
    if not words or len(query) < 2:
        return {"query": query, "suggestions": []}
    published = CaseStudyPage.objects.child_of(index_page).live().public()
    base = index_page.url
    found = []
    for page in published.autocomplete(" ".join(words))[:LIMIT]:
        found.append({"kind": "Case study", "label": page.title, "url": page.url})
    organisations = PartnerOrganisation.objects.filter(partnerships__page__in=published.values("pk"))
    for word in words:
        organisations = organisations.filter(name__icontains=word)
    for name in organisations.order_by("name").values_list("name", flat=True).distinct()[:LIMIT]:
        found.append({"kind": "Partner", "label": name, "url": f"{base}?{urlencode({'q': name})}"})
    for param, kind, model in TERM_FACETS:
        for term in model.objects.order_by("sort_order"):
            name_words = words_of(term.name)
            if all(any(n.startswith(w) for n in name_words) for w in words):
                found.append({"kind": kind, "label": term.name, "url": f"{base}?{urlencode({param: term.slug})}"})
    return {"query": query, "suggestions": found[: LIMIT * 3]}
