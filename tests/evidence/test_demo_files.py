"""Everything the demo files publish, checked against the two source documents with the same
rules the importer and the content-quality report apply (casestudies.sourcecheck)."""

from casestudies.models import Status
from casestudies.sourcecheck import (
    QUOTE_MIN_WORDS,
    check_document,
    check_record,
    check_statement,
    quotations,
    record_text_fields,
    words,
)
from healthcheck.seed import STATEMENTS, STATEMENTS_V2
from home.demo import HOME_INTRO

from .conftest import demo


def records():
    return demo("case_studies.json")["case_studies"]


def page_pieces():
    for page in demo("pages.json")["pages"]:
        yield f"{page['slug']} introduction", page.get("intro", "")
        for n, block in enumerate(page["body"], start=1):
            yield f"{page['slug']} body {n}", block["text"]
    yield "home introduction", HOME_INTRO


def list_pieces():
    document = demo("reading_lists.json")
    yield "reading lists introduction", document["index"]["intro"]
    for data in document["reading_lists"]:
        yield f"{data['slug']} introduction", data["introduction"]
        yield f"{data['slug']} audience", data["audience"]
        for item in data["items"]:
            yield f"{data['slug']} note on {item['case_study']}", item["note"]
            for question in item["discussion_questions"]:
                yield f"{data['slug']} question", question


def problems_of(lib, rule):
    found = [(r["external_id"], p.where, p.message) for r in records() for p in check_record(lib, r) if p.rule == rule]
    for pieces in (page_pieces(), list_pieces()):
        found += [("", p.where, p.message) for p in check_document(lib, list(pieces)) if p.rule == rule]
    return found


def test_every_quotation_of_six_words_or_more_is_word_for_word_in_its_source(lib):
    quoted = [
        q
        for r in records()
        for _, text, structured in record_text_fields(r)
        if text
        for q in ([text] if structured else quotations(text))
    ]
    quoted += [q for _, text in [*page_pieces(), *list_pieces()] for q in quotations(text or "")]
    checked = [q for q in quoted if len(words(q)) >= QUOTE_MIN_WORDS]
    assert len(checked) >= 8, "the demo content quotes its sources: the check must see those quotations"
    assert problems_of(lib, "quote-not-in-source") == []


def test_no_run_of_twelve_words_outside_quotation_marks_is_the_sources_own(lib):
    assert problems_of(lib, "copied-run") == []


def test_every_case_study_has_a_status_and_a_reported_year(lib):
    for record in records():
        assert record.get("status") in Status.values, record["external_id"]
        assert record.get("reported_year"), record["external_id"]
    assert any(r["status"] == Status.NOT_REPORTED for r in records())


def test_every_success_feature_names_a_passage_of_its_source_that_exists(lib):
    assert problems_of(lib, "feature-needs-passage") == []
    assert problems_of(lib, "passage-not-in-source") == []
    for record in records():
        for feature in record["success_features"]:
            assert "general point" not in feature["evidence"], (record["external_id"], feature["feature"])


def test_every_impact_figure_appears_in_its_source(lib):
    figures = [m for r in records() for m in r.get("impact_measures", []) if m.get("result") or m.get("baseline")]
    assert len(figures) >= 5
    assert problems_of(lib, "figure-not-in-source") == []


def test_every_health_check_statement_and_its_guidance_name_an_existing_passage(lib):
    problems = [p for n, s in enumerate(STATEMENTS_V2, 1) for p in check_statement(lib, statement(s), f"statement {n}")]
    assert problems == []


def test_the_withdrawn_case_studies_are_gone_and_each_says_why():
    withdrawn = demo("withdrawn.json")["withdrawn"]
    ids = {r["external_id"] for r in records()}
    lists = [i["case_study"] for data in demo("reading_lists.json")["reading_lists"] for i in data["items"]]
    for item in withdrawn:
        assert item["external_id"] not in ids and item["external_id"] not in lists
        assert "passage" in item["reason"]


def statement(row):
    feature, text, guidance, source = row
    return {"feature": feature, "text": text, "guidance": guidance, "source": source}


# What the content said before this check existed (issue 23): each class of fault is caught.


def test_the_checks_catch_what_the_first_health_check_set_added(lib):
    problems = [p for n, s in enumerate(STATEMENTS, 1) for p in check_statement(lib, statement(s), f"statement {n}")]
    rules = {(p.where, p.rule) for p in problems}
    assert ("statement 5 source", "quote-not-in-source") in rules  # 'tailored to what the school wanted'
    assert ("statement 1 guidance", "feature-needs-passage") in rules


def test_the_checks_catch_copied_runs_missing_status_and_unsupported_tags(lib):
    before = {
        "external_id": "teaching-scotlands-future-local-partnerships",
        "title": "Teaching Scotland's Future",
        "summary": "Local partnerships.",
        "story": [
            {
                "type": "paragraph",
                "text": "The paper suggests deficit reduction left too few dedicated posts and a high turnover "
                "of key staff within local authorities themselves.",
            },
            {"type": "quote", "quote": "tailored to what the school wanted", "attribution": "Senior Teacher"},
        ],
        "success_features": [
            {
                "feature": "exciting-accessible",
                "evidence": "The essay's general point applies here: the university adds standing.",
            }
        ],
        "impact_measures": [{"measure": "Partnerships", "result": "43", "source": "SUPI Learning Project"}],
        "sources": [{"title": "[SUPI Learning Project (Phase 1): findings from the interviews and survey]"}],
        "reported_year": 2014,
    }
    rules = {p.rule for p in check_record(lib, before)}
    assert rules >= {
        "copied-run",
        "quote-not-in-source",
        "status-missing",
        "feature-needs-passage",
        "figure-not-in-source",
    }


def test_a_passage_the_source_does_not_have_is_named_as_such(lib):
    record = {
        "success_features": [{"feature": "shared-governance", "evidence": "As theme 7 shows."}],
        "sources": [{"title": "[SUPI Learning Project (Phase 1): findings from the interviews and survey]"}],
        "status": "not-reported",
        "reported_year": 2014,
    }
    messages = [p.message for p in check_record(lib, record) if p.rule == "passage-not-in-source"]
    assert messages and "theme “7”" in messages[0]
