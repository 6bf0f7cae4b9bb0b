"""Builders for case studies in tests, through the same record path as import."""

import itertools

from casestudies.interchange import write_record

_counter = itertools.count(1)


def case_study_record(**overrides):
    n = next(_counter)
    record = {
        "external_id": f"test-case-{n}",
        "title": f"Test partnership {n}",
        "summary": "A school and a university ran a pilot together.",
        "body": "The school selected pupils.\n\nThe university taught them.",
        "partners": [
            {"name": "Test University", "type": "university", "role": "Teaching", "lead": True},
            {"name": "Test Academy", "type": "school", "role": "Selecting pupils"},
        ],
        "success_features": [{"feature": "play-to-strengths", "evidence": "Each partner did its own part."}],
        "evidence_type": 1,
        "publish": True,
    }
    record.update(overrides)
    return record


def make_case_study(index_page, publish=True, **overrides):
    outcome, page = write_record(case_study_record(**overrides), index_page, publish=publish)
    page.refresh_from_db()
    return page
