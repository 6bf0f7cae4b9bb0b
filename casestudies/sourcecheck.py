"""Checks published text against the documents it draws on (`settings.EVIDENCE_SOURCES_DIR`).

One set of rules for every surface: the demo content and reading lists (tests), the seeded
taxonomy and health-check text (tests), an editor's import (warnings in the import report) and
live pages (the content-quality report). Text only: nothing here reads the database.

- a quotation of six words or more (in quotation marks, or a structured quote) appears verbatim
  in its source, comparing with whitespace and curly quotes normalised only;
- no run of twelve or more consecutive words outside quotation marks appears in a source;
- a case study has a status ("not reported" when the source does not say) and a reported year;
- a success-feature justification names a passage of a source the case study credits, by the
  essay's section heading (‘Features of successful partnerships’) or the study's theme number
  ("theme 4"), and the passage exists;
- every impact figure appears in its source.
"""

import re
from dataclasses import dataclass

from .source_library import DOCUMENTS, normalise, words
from .source_library import RUN_MIN_WORDS as RUN_MIN_WORDS
from .source_library import SourcesMissing as SourcesMissing
from .source_library import library as library
from .source_library import sources_dir as sources_dir

QUOTE_MIN_WORDS = 6

RULES = {
    "sources-missing": "Sources not available to check against",
    "quote-not-in-source": "Quotation not found in its source",
    "copied-run": "Source's words copied without quotation marks",
    "status-missing": "No status (use “Not reported” when the source does not say)",
    "reported-year-missing": "No reported year",
    "feature-needs-passage": "Success feature without a named source passage",
    "passage-not-in-source": "Named passage not found in the source",
    "figure-not-in-source": "Impact figure not found in its source",
    "source-not-held": "Credited source not held for checking",
}


@dataclass(frozen=True)
class Problem:
    rule: str
    where: str
    message: str

    @property
    def label(self):
        return RULES[self.rule]


QUOTATION = re.compile(
    r"“[^”]+”|\"[^\"]+\"|(?<![\w])[‘']((?:[^'‘’]|['’](?=\w))+?)['’](?!\w)",
)


def quotations(text):
    return [m.group(0)[1:-1] for m in QUOTATION.finditer(text)]


def outside_quotations(text):
    return QUOTATION.sub("\x00", text)


def document_keys(*credits):
    """The documents a credit (a source title, an attribution, a citation) names."""
    text = " ".join(c for c in credits if c)
    return [d.key for d in DOCUMENTS if any(name.lower() in text.lower() for name in d.names)]


def check_text(lib, text, where, keys=None, structured_quote=False):
    """Quotations and copied runs in one piece of published text."""
    if not text:
        return []
    keys = keys or list(lib.texts)
    problems = []
    quoted = [text] if structured_quote else quotations(text)
    for quotation in quoted:
        if len(words(quotation)) >= QUOTE_MIN_WORDS and not lib.contains(quotation, keys):
            problems.append(
                Problem(
                    "quote-not-in-source",
                    where,
                    f"“{short(quotation)}” is not word for word in {named(keys)}: quote it exactly, or "
                    "write it in your own words without quotation marks.",
                )
            )
    if not structured_quote:
        for run in lib.copied_runs(outside_quotations(text)):
            problems.append(
                Problem(
                    "copied-run",
                    where,
                    f"“{short(run)}” ({len(run.split())} words) is the source's own wording: put it in "
                    "quotation marks with its source, or write it in your own words.",
                )
            )
    return problems


def named_passages(text):
    """The passages a text names: ("heading", name) or ("theme", number), with the documents
    whose headings match."""
    plain = normalise(text).lower()
    names = set()
    for document in DOCUMENTS:
        for heading in document.headings:
            if heading.lower() in plain:
                names.add((document.key, "heading", heading))
    for match in re.finditer(r"\bthemes?\s+((?:\d+(?:\s*(?:,|and|&)\s*)?)+)", plain):
        for number in re.findall(r"\d+", match.group(1)):
            names.add(("study", "theme", number))
    return names


def check_passages(lib, text, where, keys=None):
    """A justification must name at least one passage of the given documents, each existing."""
    keys = keys or list(lib.texts)
    names = named_passages(text)
    problems = [
        Problem(
            "passage-not-in-source",
            where,
            f"It names {kind} “{name}”, which {named([key])} does not have.",
        )
        for key, kind, name in sorted(names)
        if (kind, name) not in lib.passages[key]
    ]
    if not any(key in keys and (kind, name) in lib.passages[key] for key, kind, name in names):
        problems.append(
            Problem(
                "feature-needs-passage",
                where,
                f"Name the passage of {named(keys)} that shows this at work (the essay's section heading, "
                "or the interview study's theme number).",
            )
        )
    return problems


def figure_numbers(figure):
    return [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", figure or "")]


SMALL = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
SMALL += "seventeen eighteen nineteen"
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"


def number_words(n):
    small, tens = SMALL.split(), TENS.split()
    if n < 20:
        return small[n]
    if n < 100:
        return tens[n // 10] + ("" if n % 10 == 0 else "-" + small[n % 10])
    return ""


def figure_in(lib, number, keys):
    forms = {str(number), f"{number:,}", number_words(number)} - {""}
    for key in keys:
        text = lib.texts[key].lower()
        if any(re.search(rf"(?<![\w,]){re.escape(form)}(?![\w]|,\d)", text) for form in forms):
            return True
    return False


def check_figure(lib, figure, where, keys):
    return [
        Problem(
            "figure-not-in-source",
            where,
            f"{number} (in “{short(figure)}”) does not appear in {named(keys)}.",
        )
        for number in figure_numbers(figure)
        if not figure_in(lib, number, keys)
    ]


def short(text, limit=120):
    text = normalise(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def named(keys):
    labels = [d.label for d in DOCUMENTS if d.key in keys]
    return " or ".join(labels) or "the sources"


def record_text_fields(record):
    """(where, text, is_structured_quote) for every piece of reader-facing text in a record."""
    yield "title", record.get("title"), False
    yield "summary", record.get("summary"), False
    story = record.get("story") or []
    for n, block in enumerate(story):
        if block.get("type") == "quote":
            yield f"story {n + 1} (quote)", block.get("quote"), True
            yield f"story {n + 1} (attribution)", block.get("attribution"), False
        elif block.get("type") == "key_fact":
            yield f"story {n + 1} (key fact)", block.get("label"), False
        else:
            yield f"story {n + 1}", block.get("text"), False
    if not story:
        yield "body", record.get("body"), False
    for n, partner in enumerate(record.get("partners") or []):
        yield f"partner {n + 1} role", partner.get("role"), False
    for item in record.get("success_features") or []:
        yield f"success feature {item.get('feature')}", item.get("evidence"), False
    for name in ("funding_note", "evidence_note", "barriers_note", "advice"):
        yield name.replace("_", " "), record.get(name), False
    for n, measure in enumerate(record.get("impact_measures") or []):
        yield f"impact measure {n + 1}", measure.get("measure"), False


def credited_keys(record):
    credits = [s.get("title", "") for s in record.get("sources") or []]
    credits += [a for s in record.get("sources") or [] for a in s.get("authors") or []]
    return document_keys(*credits)


def check_record(lib, record):
    """Every problem in one interchange record (a demo record, an imported one, or a live page
    written out by the exporter)."""
    problems = []
    keys = credited_keys(record)
    if not keys:
        problems.append(
            Problem(
                "source-not-held",
                "sources",
                "None of its sources is a document the bank holds, so its quotations, passages and "
                "figures could not be checked; check them by hand.",
            )
        )
    for where, text, structured in record_text_fields(record):
        if not isinstance(text, str):
            continue
        if keys:
            problems += check_text(lib, text, where, keys, structured)
        elif not structured:
            problems += [p for p in check_text(lib, text, where) if p.rule == "copied-run"]
    if not record.get("status"):
        problems.append(
            Problem("status-missing", "status", "Give a status, or “Not reported” where the source does not say.")
        )
    if not record.get("reported_year"):
        problems.append(Problem("reported-year-missing", "reported year", "Give the year the evidence describes."))
    if keys:
        for item in record.get("success_features") or []:
            problems += check_passages(lib, item.get("evidence") or "", f"success feature {item.get('feature')}", keys)
        figures = [(f"impact measure {n + 1}", m) for n, m in enumerate(record.get("impact_measures") or [])]
        figures += [
            (f"story {n + 1} (key fact)", {"result": b.get("figure"), "source": b.get("source")})
            for n, b in enumerate(record.get("story") or [])
            if b.get("type") == "key_fact"
        ]
        for where, measure in figures:
            measure_keys = document_keys(measure.get("source") or "") or keys
            for name in ("baseline", "result"):
                problems += check_figure(lib, measure.get(name) or "", f"{where} {name}", measure_keys)
    return problems


def check_statement(lib, statement, where):
    """A health-check statement: its source names an existing passage, and so does its guidance."""
    keys = document_keys(statement.get("source") or "") or list(lib.texts)
    problems = check_passages(lib, statement.get("source") or "", f"{where} source", keys)
    problems += check_passages(lib, statement.get("guidance") or "", f"{where} guidance", list(lib.texts))
    for name in ("text", "guidance", "source"):
        problems += check_text(lib, statement.get(name) or "", f"{where} {name}")
    return problems


def check_document(lib, pieces):
    """Text that is not a case study (a page, a reading list, a taxonomy term): [(where, text)]."""
    return [p for where, text in pieces for p in check_text(lib, text or "", where)]
