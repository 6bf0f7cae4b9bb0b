"""Hybrid search: readers' own questions find case studies by meaning as well as by their words,
in the finder, the API's q and the feature pages; only live, public case studies are embedded or
returned; without the model the search is by keyword alone."""

import io
import json
import logging
import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from casestudies.benchmarks.relevance import ranked_ids
from casestudies.models import CaseStudyVector, FindableVersion
from casestudies.semantic import embedder as embedder_module
from casestudies.semantic import ranking
from tests.factories import make_case_study
from tests.naughty import naughty_strings

LIST_API = "/api/v1/case-studies/"
UNRELATED = "quantum chromodynamics lattice"


def titles(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    doc = BeautifulSoup(response.content, "html.parser")
    return [" ".join(a.get_text().split()) for a in doc.select("h3.card__title a")], doc


def figures(text, name):
    line = next(line for line in text.splitlines() if line.strip().startswith(name))
    return {metric: float(value) for metric, value in re.findall(r"(hit@5|recall@10|MRR@10) ([0-9.]+)", line)}


@pytest.mark.django_db
def test_readers_questions_find_more_with_hybrid_search_than_with_keywords(client, index_page, embedding, settings):
    call_command("load_demo_content", stdout=io.StringIO())
    out = io.StringIO()
    call_command("benchmark_relevance", stdout=out)
    keyword, hybrid = figures(out.getvalue(), "keyword"), figures(out.getvalue(), "hybrid")
    assert hybrid["MRR@10"] > keyword["MRR@10"]
    assert hybrid["hit@5"] >= 0.9 and hybrid["hit@5"] >= keyword["hit@5"]

    # An unrelated question adds nothing to what its words find.
    found, _ = titles(client, index_page.url, q=UNRELATED)
    assert found == []
    unrelated = client.get(LIST_API, {"q": UNRELATED}).json()["meta"]
    assert unrelated["total_count"] == 0 and unrelated["search"]["semantic"] is False

    # A question whose words find one case study: more are found by meaning, in the finder and API,
    # with the closest passage as the reason, never a highlighted word that is not there.
    question = "a university sponsoring an academy"
    settings.SEMANTIC_SEARCH_ENABLED = False
    by_words = ranked_ids(index_page, question, limit=5)  # in-process: the responses are cached
    settings.SEMANTIC_SEARCH_ENABLED = True
    api = client.get(LIST_API, {"q": question, "limit": 5}).json()
    assert api["meta"]["search"]["semantic"] is True  # the API says meaning contributed
    by_both = [r["title"] for r in api["results"]]
    assert len(by_both) > len(by_words)
    found, doc = titles(client, index_page.url, q=question)
    assert found[:5] == by_both
    reasons = doc.select(".result__why")
    assert reasons, "a case study found by meaning alone says why"
    assert all("Close in meaning" in r.get_text() for r in reasons)
    assert not doc.select(".result__why mark")


@pytest.mark.django_db
def test_an_imported_and_published_case_study_is_found_by_meaning(client, index_page, embedding, tmp_path):
    record = {
        "external_id": "reading-buddies",
        "title": "Reading buddies",
        "summary": "Undergraduates listen to seven-year-olds read aloud every week in term time.",
        "body": "Student volunteers paired with young pupils who struggle with literacy.",
        "partners": [{"name": "Test University", "type": "university", "role": "Volunteers", "lead": True}],
        "success_features": [
            {"feature": "play-to-strengths", "evidence": "Students gave time; the school chose pupils."}
        ],
        "evidence_type": 1,
        "publish": True,
    }
    path = tmp_path / "import.json"
    path.write_text(json.dumps({"schema_version": 1, "case_studies": [record]}))
    call_command("import_casestudies", str(path), "--publish", stdout=io.StringIO())
    found, _ = titles(client, index_page.url, q="helping young children with books")
    assert found == ["Reading buddies"]


@pytest.mark.django_db
def test_only_live_public_case_studies_are_embedded_or_found(client, index_page, embedding):
    question = "helping young children with books"
    page = make_case_study(
        index_page,
        publish=False,
        title="Reading buddies",
        summary="Undergraduates listen to seven-year-olds read aloud every week in term time.",
    )

    def vectors():
        return list(CaseStudyVector.objects.filter(page_id=page.pk).values_list("passage", flat=True))

    def found():
        return titles(client, index_page.url, q=question)[0]

    assert vectors() == [] and found() == []  # a draft

    page.save_revision().publish()
    assert vectors() and found() == ["Reading buddies"]

    page.refresh_from_db()
    page.summary = "Astronomers lend telescopes to sixth formers for night-sky projects."
    page.save_revision()  # a draft revision of the live page
    assert not any("telescope" in passage for passage in vectors())
    assert titles(client, index_page.url, q="stargazing with a telescope")[0] == []

    restriction = PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")
    assert found() == []  # private
    restriction.delete()
    assert found() == ["Reading buddies"]

    page.refresh_from_db()
    page.unpublish()
    assert vectors() == [] and found() == []  # unpublished

    page.refresh_from_db()
    page.get_latest_revision().publish()
    assert vectors()
    page.delete()
    assert CaseStudyVector.objects.count() == 0  # deleted


@pytest.mark.django_db
def test_without_the_model_the_search_is_by_keyword_alone(client, index_page, embedding, monkeypatch, caplog):
    kept = make_case_study(index_page, title="Reading buddies", summary="Students listen to pupils read.")
    make_case_study(index_page, title="Maths masterclasses", summary="Lecturers teach sixth formers.")
    assert CaseStudyVector.objects.filter(page_id=kept.pk).exists()

    def cannot_load():
        raise OSError("model.onnx is missing")

    monkeypatch.setattr(embedder_module, "_loaded", {})
    monkeypatch.setattr(embedder_module, "Embedder", cannot_load)
    with caplog.at_level(logging.WARNING):
        assert titles(client, index_page.url, q="reading")[0] == ["Reading buddies"]
        assert titles(client, index_page.url, q="children and books")[0] == []
        assert client.get(LIST_API, {"q": "young readers"}).status_code == 200
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and "keyword alone" in r.getMessage()]
    assert len(warnings) == 1


@pytest.mark.django_db
def test_the_setting_turns_semantic_search_off(client, index_page, embedding, settings):
    make_case_study(index_page, title="Reading buddies", summary="Undergraduates listen to young pupils read aloud.")
    assert titles(client, index_page.url, q="helping young children with books")[0] == ["Reading buddies"]
    settings.SEMANTIC_SEARCH_ENABLED = False
    assert ranking.closest("helping young children with books", {1}) == []
    assert titles(client, index_page.url, q="children with books")[0] == []


@pytest.mark.django_db
def test_the_feature_pages_downloads_and_rebuild_use_the_same_search(client, index_page, embedding, settings):
    question = "helping young children with books"
    page = make_case_study(
        index_page, title="Reading buddies", summary="Undergraduates listen to young pupils read aloud."
    )
    make_case_study(index_page, title="Maths masterclasses", summary="Lecturers teach sixth formers calculus.")
    feature_page = index_page.url + "features/play-to-strengths/"
    assert titles(client, feature_page, q=question)[0] == ["Reading buddies"]
    download = client.get(index_page.url + "download/csv/", {"q": question}).content.decode()
    assert "Reading buddies" in download and "Maths masterclasses" not in download

    CaseStudyVector.objects.all().delete()
    CaseStudyVector.objects.create(page=page, model_version="an-old-model", chunk=0, passage="old", vector=b"")
    out = io.StringIO()
    call_command("rebuild_vectors", stdout=out)
    assert "Embedded 2 case studies" in out.getvalue()
    assert set(CaseStudyVector.objects.values_list("model_version", flat=True)) == {embedder_module.MODEL_VERSION}
    assert titles(client, index_page.url, q="children reading stories")[0] == ["Reading buddies"]


@pytest.mark.django_db
def test_naughty_questions_are_embedded_and_ranked_without_error(index_page, embedding):
    page = make_case_study(index_page, title="Reading buddies", summary="Undergraduates listen to young pupils read.")
    for question in naughty_strings():
        found = ranking.ranked(question, {page.pk})
        assert all(c.pk == page.pk for c in found)


@pytest.mark.django_db
def test_a_changed_reason_is_shown_not_a_kept_rendering(client, index_page, embedding):
    page = make_case_study(index_page, title="Reading buddies", summary="Undergraduates listen to young pupils read.")
    question = "helping small children enjoy stories"  # no word in common
    assert "Reading buddies." in titles(client, index_page.url, q=question)[1].select_one(".result__why").text
    # The same page at the same revision, its closest passage now another (as after a change of model).
    CaseStudyVector.objects.filter(page=page).update(passage="Reading buddies. Pupils choose picture books.")
    FindableVersion.bump(page_id=page.pk)
    reason = titles(client, index_page.url, q=question)[1].select_one(".result__why").text
    assert "Pupils choose picture books" in reason
