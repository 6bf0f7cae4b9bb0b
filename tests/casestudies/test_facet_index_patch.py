"""The facet index patched for single-page changes equals the index rebuilt from scratch, field by
field, after any sequence of publishes, republishes, unpublishes, moves, deletes, privacy and
taxonomy edits, looked at after any number of them (a process can be several changes behind)."""

import dataclasses

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction

from casestudies.finder import facet_index as facet_index_module
from casestudies.finder.facet_index import build, facet_index
from casestudies.finder.facets import FACETS_BY_PARAM
from casestudies.models import CaseStudyPage, FindableChange, FindableVersion, PolicyLever
from tests.factories import case_study_record, make_case_study

WORDS = ["modern", "languages", "mentoring", "maths", "reading", "science", "trust", "pilot", "Maths", "café"]
PARTNERS = [("North University", "university"), ("East Academy", "school"), ("West Trust", "mat")]


def values(param):
    return FACETS_BY_PARAM[param].values


texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
years = st.integers(2010, 2020).flatmap(lambda start: st.tuples(st.just(start), st.none() | st.integers(start, 2024)))
records = st.fixed_dictionaries(
    {
        "title": texts,
        "summary": texts,
        "region": st.sampled_from(values("region")),
        "policy_levers": st.lists(st.sampled_from(values("lever")), max_size=2, unique=True),
        "phases": st.lists(st.sampled_from(values("phase")), max_size=2, unique=True),
        "status": st.sampled_from(["pilot", "established", "ended"]),
        "evidence_type": st.sampled_from([1, 2, 3]),
        "partners": st.lists(st.sampled_from(PARTNERS), min_size=1, max_size=2, unique=True).map(
            lambda chosen: [{"name": name, "type": kind, "role": "Partner"} for name, kind in chosen]
        ),
        "years": years,
    }
)


def record_of(drawn, external_id=None):
    drawn = dict(drawn)
    drawn["start_year"], drawn["end_year"] = drawn.pop("years")
    if external_id:
        drawn["external_id"] = external_id
    return case_study_record(**drawn)


operations = st.one_of(
    st.tuples(st.just("publish new"), records),
    st.tuples(st.just("republish"), st.integers(0, 99), records),
    st.tuples(st.just("unpublish"), st.integers(0, 99)),
    st.tuples(st.just("move out"), st.integers(0, 99)),
    st.tuples(st.just("delete"), st.integers(0, 99)),
    st.tuples(st.just("make private"), st.integers(0, 99)),
    st.tuples(st.just("rename a lever"), st.sampled_from(WORDS)),
    st.tuples(st.just("look"), st.booleans()),
)
SINGLE_PAGE = {"publish new", "republish", "unpublish", "move out", "delete"}


def apply(operation, index_page, home_page):
    kind, *args = operation
    pages = list(CaseStudyPage.objects.child_of(index_page).order_by("pk"))
    if kind == "publish new":
        make_case_study(index_page, **record_of(args[0]))
        return True
    if kind == "rename a lever":
        lever = PolicyLever.objects.order_by("pk").first()
        lever.name = f"{args[0]} lever"
        lever.save()
        return False
    if not pages:
        return True
    page = pages[args[0] % len(pages)]
    if kind == "republish":
        make_case_study(index_page, **record_of(args[1], external_id=page.external_id))
    elif kind == "unpublish":
        if page.live:
            page.unpublish()
    elif kind == "move out":
        page.move(home_page, pos="last-child")
    elif kind == "delete":
        page.delete()
    elif kind == "make private":
        PageViewRestriction.objects.create(page=page, restriction_type="login")
        return False
    return True


def assert_same(patched, rebuilt):
    for field in dataclasses.fields(rebuilt):
        if field.name == "generation":  # both are safe, and may differ: tested on its own
            continue
        assert getattr(patched, field.name) == getattr(rebuilt, field.name), field.name
    assert patched.positions == rebuilt.positions
    assert patched.partner_names == rebuilt.partner_names
    for name in ("title_words", "summary_words"):
        words, expected = getattr(patched, name), getattr(rebuilt, name)
        assert words.postings == expected.postings, name
        assert words.sorted_words == expected.sorted_words, name
        assert words.texts == expected.texts and words.pks == expected.pks, name


def use_word_indexes(index):
    return len(index.title_words.sorted_words) + len(index.summary_words.postings)


@pytest.fixture
def bank(index_page):
    partners = [{"name": name, "type": kind, "role": "Partner"} for name, kind in PARTNERS]
    for n in range(4):  # the partner organisations exist: creating one is not a single-page change
        title, summary = f"Seed {WORDS[n]} partnership", f"{WORDS[n + 1]} for pupils"
        make_case_study(index_page, title=title, summary=summary, partners=partners[n % 2 :])
    return index_page


@settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(operations, min_size=1, max_size=7))
def test_a_patched_index_equals_a_rebuilt_one(bank, home_page, steps):
    index_page = bank
    with transaction.atomic():  # every example starts from the same four case studies
        facet_index_module._indexes.clear()
        use_word_indexes(facet_index(index_page))
        only_pages = True
        for operation in [*steps, ("look", True)]:
            if operation[0] != "look":
                only_pages &= apply(operation, index_page, home_page)
                continue
            before = dict(facet_index_module.updates)
            current = facet_index(index_page)
            rebuilt = build(index_page, FindableVersion.current())
            assert_same(current, rebuilt)
            if only_pages:  # single-page changes only since the last look: patched, not rebuilt
                assert facet_index_module.updates["built"] == before.get("built", 0)
            if operation[1]:  # sometimes the next patch starts from an index whose words were used
                use_word_indexes(current)
            only_pages = True
        transaction.set_rollback(True)


def test_each_single_page_change_is_recorded_with_the_page_and_anything_else_without(index_page):
    page = make_case_study(index_page)
    assert FindableChange.objects.latest("pk").page_id == page.pk
    page.unpublish()
    assert FindableChange.objects.latest("pk").page_id == page.pk
    PolicyLever.objects.first().save()
    assert FindableChange.objects.latest("pk").page_id is None
    index_page.save_revision().publish()  # a page with children: everything under it may change
    latest = FindableChange.objects.latest("pk")
    assert latest.page_id is None and latest.token == FindableVersion.current()


def test_the_change_log_keeps_a_bounded_number_of_rows(db):
    for _ in range(FindableChange.KEEP + 30):
        FindableVersion.bump(page_id=1)
    assert FindableChange.objects.count() == FindableChange.KEEP


def test_a_process_far_behind_or_off_the_chain_rebuilds(index_page):
    make_case_study(index_page, title="Alpha")
    facet_index(index_page)
    for _ in range(facet_index_module.MAX_STEPS + 1):
        FindableVersion.bump(page_id=1)
    built = facet_index_module.updates["built"]
    facet_index(index_page)
    assert facet_index_module.updates["built"] == built + 1
    FindableVersion.bump(page_id=1)
    facet_index(index_page)
    assert facet_index_module.updates["built"] == built + 1  # one step: patched
    FindableVersion.objects.update(token="set-by-hand")  # no change row: the chain is broken
    assert facet_index(index_page).version == "set-by-hand"
    assert facet_index_module.updates["built"] == built + 2


def suggested_titles(client, index_page, q):
    response = client.get(index_page.url + "suggest/", {"q": q})
    return [s["label"] for s in response.json()["suggestions"] if s["kind"] == "Case study"]


def test_a_republished_title_is_found_suggested_and_ordered_on_the_next_request(client, index_page):
    page = make_case_study(index_page, title="Apple scheme", summary="Orchards")
    make_case_study(index_page, title="Banana scheme", summary="Plantations")
    assert client.get(index_page.url, {"q": "orchards"}).context["finding"].total == 1
    assert suggested_titles(client, index_page, "appl") == ["Apple scheme"]  # the word index in use
    make_case_study(index_page, external_id=page.external_id, title="Zebra scheme", summary="Savannah")
    finding = client.get(index_page.url, {"q": "savannah", "sort": "title"}).context["finding"]
    assert [p.title for p in finding.results] == ["Zebra scheme"]
    assert client.get(index_page.url, {"q": "orchards"}).context["finding"].total == 0
    assert suggested_titles(client, index_page, "appl") == []
    assert suggested_titles(client, index_page, "zebr") == ["Zebra scheme"]
    by_title = client.get(index_page.url, {"sort": "title"}).context["finding"].results
    assert [p.title for p in by_title] == ["Banana scheme", "Zebra scheme"]
