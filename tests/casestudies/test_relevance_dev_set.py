"""The dev set of readers' own questions, and the command that scores the finder on it."""

import io
import json
import re

import pytest
from django.core.management import call_command

from casestudies.benchmarks.relevance import DEV_SET
from home.demo import DEMO_DIR


def test_the_dev_set_asks_at_least_forty_questions_about_demo_case_studies():
    questions = json.loads(DEV_SET.read_text())["questions"]
    demo_ids = {r["external_id"] for r in json.loads((DEMO_DIR / "case_studies.json").read_text())["case_studies"]}
    assert len(questions) >= 40
    assert len({q["q"] for q in questions}) == len(questions)
    assert all(q["expected"] and set(q["expected"]) <= demo_ids for q in questions)


@pytest.mark.django_db
def test_the_benchmark_scores_the_finder_on_readers_questions():
    """Nearly every question found nothing when every word had to match (hit@5 0.11)."""
    call_command("load_demo_content", stdout=io.StringIO())
    out = io.StringIO()
    call_command("benchmark_relevance", stdout=out)
    figures = dict(re.findall(r"(hit@5|recall@10|MRR@10) ([0-9.]+)", out.getvalue()))
    assert set(figures) == {"hit@5", "recall@10", "MRR@10"}
    assert float(figures["hit@5"]) >= 0.8


@pytest.mark.django_db
def test_the_benchmark_says_when_the_demo_content_is_missing():
    out = io.StringIO()
    call_command("benchmark_relevance", stdout=out)
    assert "load_demo_content" in out.getvalue()
