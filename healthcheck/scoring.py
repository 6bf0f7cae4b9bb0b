"""Answers → a profile of the five success features, and which features to work on.

The rule (docs/readers-and-trainers.md, "Partnership health check", says the same in plain words):

- each statement is answered not yet (0 points), starting (1), mostly (2) or fully (3);
- a feature's score is its points as a percentage of the most it could have (3 per answered
  statement), rounded to a whole number; a statement whose answer was not recognised counts
  for nothing either way, and a feature with no recognised answer has no score;
- the features to work on are those scoring under 67% (on average less than "mostly"), lowest
  first, at most three, ties in the order of the five features; when every scored feature is at
  67% or more, the single lowest is named, unless every one is at 100%.
"""

from dataclasses import dataclass, field

ANSWERS = [(0, "Not yet"), (1, "Starting"), (2, "Mostly"), (3, "Fully")]
ANSWER_LABELS = dict(ANSWERS)
MOST = 3
WEAK_BELOW = 67
MAX_WEAK = 3


@dataclass
class FeatureScore:
    slug: str
    name: str
    statements: list = field(default_factory=list)  # (statement dict, answer or None)
    position: int = 0

    @property
    def points(self):
        return sum(answer for _s, answer in self.statements if answer is not None)

    @property
    def answered(self):
        return sum(1 for _s, answer in self.statements if answer is not None)

    @property
    def most(self):
        return MOST * self.answered

    @property
    def percent(self):
        if not self.answered:
            return None
        return round(100 * self.points / self.most)

    @property
    def band(self):
        percent = self.percent
        if percent is None:
            return "Not scored"
        if percent < 33:
            return "Not yet in place"
        if percent < WEAK_BELOW:
            return "Starting"
        if percent < 100:
            return "Mostly in place"
        return "Fully in place"


def profile(statements, answers, features):
    """One FeatureScore per success feature, in the features' order. `statements` is a statement
    set's list, `answers` one value (0–3 or None) per statement, `features` [(slug, name)]."""
    scores = {slug: FeatureScore(slug, name, position=n) for n, (slug, name) in enumerate(features)}
    for statement, answer in zip(statements, answers):
        score = scores.get(statement["feature"])
        if score is not None:
            score.statements.append((statement, answer))
    return [score for score in scores.values() if score.statements]


def weakest(scores):
    """The features to work on, by the rule in this module's docstring."""
    scored = [s for s in scores if s.percent is not None]
    ordered = sorted(scored, key=lambda s: (s.percent, s.position))
    weak = [s for s in ordered if s.percent < WEAK_BELOW][:MAX_WEAK]
    if weak:
        return weak
    return [s for s in ordered[:1] if s.percent < 100]
