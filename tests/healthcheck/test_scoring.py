"""The scoring rule as docs/readers-and-trainers.md states it: each answer pattern gives the documented profile."""

import pytest

from healthcheck.scoring import profile, weakest
from healthcheck.seed import STATEMENTS

pytestmark = pytest.mark.database_agnostic

FEATURES = [
    ("shared-governance", "Shared governance"),
    ("play-to-strengths", "Strengths"),
    ("existing-infrastructure", "Infrastructure"),
    ("accountability-impact", "Accountability"),
    ("exciting-accessible", "Exciting"),
]
SET = [{"feature": slug, "text": text, "guidance": g, "source": s} for slug, text, g, s in STATEMENTS]


def scores(answers):
    return profile(SET, answers, FEATURES)


def percents(answers):
    return [s.percent for s in scores(answers)]


def weak(answers):
    return [s.slug for s in weakest(scores(answers))]


def test_the_seeded_set_has_three_statements_for_each_feature_in_feature_order():
    assert [s["feature"] for s in SET] == [slug for slug, _ in FEATURES for _ in range(3)]


@pytest.mark.parametrize(
    "answers, expected",
    [
        ([0] * 15, [0, 0, 0, 0, 0]),
        ([3] * 15, [100, 100, 100, 100, 100]),
        ([2] * 15, [67, 67, 67, 67, 67]),
        ([1] * 15, [33, 33, 33, 33, 33]),
        ([0, 1, 2] * 5, [33, 33, 33, 33, 33]),
        ([3, 3, 3, 2, 2, 2, 1, 1, 1, 0, 0, 0, 3, 2, 1], [100, 67, 33, 0, 67]),
    ],
)
def test_a_feature_scores_its_points_as_a_share_of_the_most_it_could_have(answers, expected):
    assert percents(answers) == expected


def test_unrecognised_answers_count_for_nothing_either_way():
    answers = [None, 3, 3] + [None] * 3 + [3] * 9
    result = scores(answers)
    assert result[0].percent == 100 and result[0].answered == 2
    assert result[1].percent is None and result[1].band == "Not scored"


def test_the_features_to_work_on_are_those_under_67_lowest_first_at_most_three():
    assert weak([3, 3, 3, 2, 2, 2, 1, 1, 1, 0, 0, 0, 3, 2, 1]) == ["accountability-impact", "existing-infrastructure"]
    # All five under 67%: the three lowest, ties in the order of the features.
    assert weak([1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0]) == [
        "play-to-strengths",
        "exciting-accessible",
        "accountability-impact",
    ]


def test_when_nothing_is_under_67_the_lowest_is_named_unless_all_are_full():
    assert weak([3, 3, 3, 3, 3, 3, 2, 2, 2, 3, 3, 3, 3, 3, 2]) == ["existing-infrastructure"]
    assert weak([3] * 15) == []


def test_bands_name_the_score_in_words():
    result = scores([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 2, 2, 1])
    assert [s.band for s in result] == [
        "Not yet in place",
        "Starting",
        "Mostly in place",
        "Fully in place",
        "Starting",
    ]
