"""The partnership health check: the form, the result, its CSV and the comparison of two results.

Nothing is stored about the reader: answers travel in the address (healthcheck/codes.py)."""

import csv
from urllib.parse import urlencode

from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from casestudies.finder import clean_context, context_options
from casestudies.interchange import spreadsheet_safe
from casestudies.models import CaseStudyIndexPage

from .codes import BadCode, code_from_pasted, encode
from .models import StatementSet
from .results import CONTEXT_PARAMS, chart, context_labels, feature_names, load
from .scoring import ANSWERS, MAX_WEAK, WEAK_BELOW


class Query(dict):
    """A plain dict of lists that answers like a QueryDict (for pasted addresses)."""

    def get(self, key, default=None):
        values = super().get(key)
        return values[-1] if values else default

    def getlist(self, key):
        return list(super().get(key, []))


def statement_rows(statement_set, features, chosen=None, errors=()):
    names = dict(features)
    rows, previous = [], None
    for n, statement in enumerate(statement_set.statements, start=1):
        rows.append(
            {
                "n": n,
                "statement": statement,
                "feature_name": names.get(statement["feature"], statement["feature"]),
                "starts_feature": statement["feature"] != previous,
                "chosen": (chosen or {}).get(n),
                "error": n in errors,
            }
        )
        previous = statement["feature"]
    return rows


def form_page(request, *, message="", notices=(), chosen=None, errors=(), context=None, status=200):
    statement_set = StatementSet.current()
    features = feature_names()
    options = context_options()
    context = context or {}
    return TemplateResponse(
        request,
        "healthcheck/form.html",
        {
            "statement_set": statement_set,
            "rows": statement_rows(statement_set, features, chosen, errors) if statement_set else [],
            "answers": ANSWERS,
            "options": [(param, legend, choices, context.get(param, [])) for param, legend, choices in options],
            "message": message,
            "notices": notices,
            "errors": errors,
        },
        status=status,
    )


def start(request):
    """The form (GET without answers), or a submitted form: redirect to the result address."""
    data = request.GET
    if "v" not in data:
        prefill = {}
        if data.get("r"):  # "change your answers" from a result of the current set
            try:
                result = load(data, with_recommendations=False)
                if result.is_current:
                    prefill = {n: a for n, a in enumerate(result.answers, start=1) if a is not None}
                    return form_page(request, chosen=prefill, context=result.context)
            except BadCode:
                pass
        return form_page(request)
    statement_set = StatementSet.current()
    if statement_set is None or data.get("v") != str(statement_set.version):
        return form_page(
            request, message="The statements changed while you were answering. Please answer them again.", status=200
        )
    chosen, errors = {}, []
    for n in range(1, len(statement_set.statements) + 1):
        value = data.get(f"s{n}", "")
        if value in ("0", "1", "2", "3"):
            chosen[n] = int(value)
        else:
            errors.append(n)
    context, _dropped = clean_context({param: data.getlist(param) for param in CONTEXT_PARAMS})
    if errors:
        return form_page(request, chosen=chosen, errors=errors, context=context, status=200)
    answers = [chosen[n] for n in range(1, len(statement_set.statements) + 1)]
    pairs = [("r", encode(statement_set.version, answers))]
    pairs += [(param, value) for param in CONTEXT_PARAMS for value in context.get(param, [])]
    return HttpResponseRedirect(reverse("healthcheck:result") + "?" + urlencode(pairs))


def bad_address(request, error):
    return form_page(request, message=error.message, status=400)


def result(request):
    index_page = CaseStudyIndexPage.get_solo()
    try:
        outcome = load(request.GET, index_page=index_page)
    except BadCode as error:
        return bad_address(request, error)
    notices = []
    if outcome.unrecognised:
        notices.append(
            f"{outcome.unrecognised} answer{'s' if outcome.unrecognised > 1 else ''} in this address could not be "
            "read and {} left out of the scores.".format("are" if outcome.unrecognised > 1 else "is")
        )
    if outcome.dropped:
        notices.append("Some of the context in this address is not one of our terms and was ignored.")
    options = context_options(index_page)
    return TemplateResponse(
        request,
        "healthcheck/result.html",
        {
            "result": outcome,
            "chart": chart(outcome.scores, outcome.weak),
            "context_labels": context_labels(outcome.context, options),
            "notices": notices,
            "weak_below": WEAK_BELOW,
            "max_weak": MAX_WEAK,
        },
    )


def result_csv(request):
    try:
        outcome = load(request.GET)
    except BadCode as error:
        return bad_address(request, error)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")
    writer = csv.writer(response)

    def row(*cells):  # every cell as a spreadsheet shows it, never as a formula
        writer.writerow([spreadsheet_safe(cell) for cell in cells])

    row("section", "feature", "item", "answer or score", "detail")
    row("check", "", "statement set version", outcome.statement_set.version, "")
    for score in outcome.scores:
        row("profile", score.name, "score", "" if score.percent is None else f"{score.percent}%", score.band)
    for n, statement, _answer, label in outcome.answered:
        row("answer", statement["feature"], f"{n}. {statement['text']}", label, "")
    for score, recommendations, reading_lists in outcome.weak_with_evidence:
        row("to work on", score.name, "score", f"{score.percent}%", "")
        for item in recommendations:
            row("evidence", score.name, item.page.title, item.page.get_evidence_type_display(), item.page.full_url)
        for coverage in reading_lists:
            page = coverage.reading_list
            row("reading list", score.name, page.title, f"{coverage.count} case studies", page.full_url)
    response["Content-Disposition"] = 'attachment; filename="partnership-health-check.csv"'
    return response


def compare(request):
    """Two results side by side, per feature: the change from the first to the second."""
    sides, problems = [], []
    features = feature_names()
    latest = StatementSet.current()
    for key, label in (("first", "first"), ("second", "second")):
        pasted = request.GET.get(key, "")
        if not pasted.strip():
            continue  # not given yet (the result page's link fills in only the first)
        code, query = code_from_pasted(pasted)
        data = Query(query)
        data["r"] = [code]
        try:
            sides.append(
                load(data, features=features, current=latest.version if latest else None, with_recommendations=False)
            )
        except BadCode as error:
            problems.append(f"The {label} result: {error.message}")
    rows = []
    if len(sides) == 2:
        by_slug = [{score.slug: score for score in side.scores} for side in sides]
        for slug, name in features:
            before, after = by_slug[0].get(slug), by_slug[1].get(slug)
            if before is None and after is None:
                continue
            b = before.percent if before else None
            a = after.percent if after else None
            rows.append({"name": name, "first": b, "second": a, "change": None if a is None or b is None else a - b})
    return TemplateResponse(
        request,
        "healthcheck/compare.html",
        {
            "sides": sides if len(sides) == 2 else [],
            "rows": rows,
            "problems": problems,
            "first": request.GET.get("first", "")[:2000],
            "second": request.GET.get("second", "")[:2000],
            "versions_differ": len(sides) == 2 and sides[0].statement_set.version != sides[1].statement_set.version,
        },
        status=400 if problems else 200,
    )
