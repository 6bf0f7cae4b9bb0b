"""The facet index read afresh (`build`): the published case studies under the index page, newest
first, in one query for the page fields and one per many-valued facet, turned into masks. Also
the generation an index shares with every other process (`generation_before`)."""

from ..models.case_study import CaseStudyPage
from ..models.findable import FindableChange
from ..models.synonyms import SynonymGroup
from .bitsets import FacetIndex, mask_of
from .facets import FACETS

SINGLE = [facet for facet in FACETS if not facet.many]
MANY = [facet for facet in FACETS if facet.many]
PARTNER_NAMES = "partners__organisation__name"


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
