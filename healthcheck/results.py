"""A result address → everything the result page, its CSV and the comparison show."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from casestudies.finder import best_evidence_for_features, clean_context, reading_lists_for_features
from casestudies.models import CaseStudyIndexPage, SuccessFeature

from .codes import BadCode, decode_answers, encode, parse
from .models import StatementSet
from .scoring import ANSWER_LABELS, profile, weakest

CONTEXT_PARAMS = ("phase", "region", "purpose", "partner_type")


def feature_names():
    return list(SuccessFeature.objects.order_by("sort_order", "name").values_list("slug", "name"))


@dataclass
class Result:
    statement_set: StatementSet
    answers: list
    unrecognised: int
    context: dict
    dropped: list
    scores: list
    weak: list
    current_version: int
    recommendations: dict = field(default_factory=dict)
    reading_lists: dict = field(default_factory=dict)  # weak feature slug -> [Coverage]

    @property
    def code(self):
        return encode(self.statement_set.version, ["x" if a is None else a for a in self.answers])

    @property
    def query(self):
        pairs = [("r", self.code)] + [(param, value) for param, values in self.context.items() for value in values]
        return urlencode(pairs)

    @property
    def is_current(self):
        return self.statement_set.version == self.current_version

    @property
    def answered(self):
        return [
            (n, statement, answer, ANSWER_LABELS.get(answer, "Not recognised"))
            for n, (statement, answer) in enumerate(zip(self.statement_set.statements, self.answers), start=1)
        ]

    @property
    def weak_with_evidence(self):
        """(score, recommended case studies, reading lists that cover it) per weak feature."""
        return [
            (score, self.recommendations.get(score.slug, []), self.reading_lists.get(score.slug, []))
            for score in self.weak
        ]


def load(data, features=None, current=None, with_recommendations=True, index_page=None):
    """`data` is a QueryDict-like with `r` and the context parameters. Raises BadCode."""
    version, characters = parse(data.get("r", ""))
    statement_set = StatementSet.objects.filter(version=version).first()
    if statement_set is None:
        raise BadCode(f"This result address names version {version} of the check, which we do not have.")
    answers, unrecognised = decode_answers(characters, len(statement_set.statements))
    if unrecognised == len(answers):
        raise BadCode("None of the answers in this result address could be read.")
    context, dropped = clean_context({param: data.getlist(param) for param in CONTEXT_PARAMS})
    features = features if features is not None else feature_names()
    scores = profile(statement_set.statements, answers, features)
    if current is None:
        latest = StatementSet.current()
        current = latest.version if latest else version
    result = Result(statement_set, answers, unrecognised, context, dropped, scores, weakest(scores), current)
    if with_recommendations and result.weak:
        index_page = index_page or CaseStudyIndexPage.get_solo()
        if index_page is not None:
            weak = [score.slug for score in result.weak]
            result.recommendations = best_evidence_for_features(index_page, weak, context)
            result.reading_lists = reading_lists_for_features(index_page, weak)
    return result


def context_labels(context, options):
    """{legend: [labels]} for the chosen context, in the options' order."""
    labels = {}
    for param, legend, choices in options:
        chosen = context.get(param, [])
        names = [label for value, label in choices if value in chosen]
        if names:
            labels[legend] = names
    return labels


CHART_ROW, CHART_WIDTH, CHART_TOP = 50, 420, 8


def chart(scores, weak):
    """Bars for the profile chart, drawn as SVG on the server: each feature's name, then its bar
    (sizes as attributes, colours by class in static/css/healthcheck.css, so the page needs no
    inline style)."""
    weak_slugs = {score.slug for score in weak}
    bars = []
    for n, score in enumerate(scores):
        top = CHART_TOP + n * CHART_ROW
        width = round(CHART_WIDTH * (score.percent or 0) / 100)
        bars.append(
            {
                "name": score.name,
                "percent": score.percent,
                "name_y": top + 14,
                "bar_y": top + 22,
                "track_width": CHART_WIDTH,
                "width": width,
                "label_x": width + 8,
                "label_y": top + 36,
                "weak": score.slug in weak_slugs,
            }
        )
    return {"bars": bars, "height": CHART_TOP * 2 + len(scores) * CHART_ROW, "width": CHART_WIDTH + 60}
