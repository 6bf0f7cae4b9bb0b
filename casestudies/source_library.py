"""The source documents the bank checks published text against (`settings.EVIDENCE_SOURCES_DIR`):
how each is recognised and credited, the passages a justification may name, and each one's
text normalised with its runs of twelve words (`Library`), read once per folder. Text only: the
checks themselves are in `casestudies/sourcecheck.py`."""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

RUN_MIN_WORDS = 12


@dataclass(frozen=True)
class Document:
    """A source the bank can check against: how to recognise its file, how a credit names it,
    and the passages a justification may name (each is checked against the file on loading)."""

    key: str
    label: str
    fingerprint: str
    names: tuple
    headings: tuple = ()
    themes: int = 0


DOCUMENTS = (
    Document(
        "essay",
        "the essay",
        "University-schools collaboration",
        ("University-schools collaboration", "Vainker", "Slavinsky"),
        headings=(
            "An opportune moment",
            "Partnership case study: Reach in Feltham",
            "A focus on strengthening the public-sector workforce",
            "An organic partnership, focused on complex problems",
            "Addressing our own interrelated challenges",
            "Features of successful partnerships",
            "A policy landscape to encourage collaboration",
        ),
    ),
    Document(
        "study",
        "the interview study",
        "SUPI Learning Project (Phase 1)",
        ("SUPI", "interview study", "the study"),
        headings=("Background", "Summary"),
        themes=5,
    ),
)


class SourcesMissing(Exception):
    pass


def normalise(text):
    text = text.replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def words(text):
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", normalise(text).lower())


class Library:
    """The source documents, normalised, with the twelve-word runs of each."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.texts, self.passages, self.runs = {}, {}, {}
        files = sorted(self.folder.glob("*.txt")) if self.folder.is_dir() else []
        for path in files:
            raw = path.read_text(encoding="utf-8")
            for document in DOCUMENTS:
                if document.fingerprint in raw and document.key not in self.texts:
                    self.texts[document.key] = normalise(raw)
                    self.passages[document.key] = found_passages(document, raw)
                    tokens = words(raw)
                    self.runs[document.key] = {
                        tuple(tokens[i : i + RUN_MIN_WORDS]) for i in range(len(tokens) - RUN_MIN_WORDS + 1)
                    }
        if len(self.texts) < len(DOCUMENTS):
            missing = ", ".join(d.label for d in DOCUMENTS if d.key not in self.texts)
            raise SourcesMissing(f"The source documents ({missing}) are not in {self.folder}.")

    def contains(self, quotation, keys):
        """Whether the quotation is verbatim in one of the documents (each part of a quotation
        cut with an ellipsis in order; the first letter's case may differ)."""
        parts = [p.strip(" ,;:") for p in re.split(r"\.\.\.|…|\[\.\.\.\]", normalise(quotation))]
        parts = [p for p in parts if p]
        for key in keys:
            text, at = self.texts[key], 0
            for part in parts:
                found = min(
                    (i for i in (text.find(part, at), text.find(part[0].swapcase() + part[1:], at)) if i >= 0),
                    default=-1,
                )
                if found < 0:
                    break
                at = found + len(part)
            else:
                return True
        return False

    def copied_runs(self, text):
        """The runs of RUN_MIN_WORDS or more words that a source also has, as text."""
        found = []
        for segment in re.split(r"\x00", text):
            tokens = words(segment)
            hits = [
                i
                for i in range(len(tokens) - RUN_MIN_WORDS + 1)
                if any(tuple(tokens[i : i + RUN_MIN_WORDS]) in runs for runs in self.runs.values())
            ]
            start = None
            for n, i in enumerate(hits):
                if start is None:
                    start = i
                if n + 1 == len(hits) or hits[n + 1] != i + 1:
                    found.append(" ".join(tokens[start : i + RUN_MIN_WORDS]))
                    start = None
        return found


def found_passages(document, raw):
    lines = {normalise(line) for line in raw.splitlines()}
    names = {("heading", h) for h in document.headings if h in lines}
    for n in range(1, document.themes + 1):
        if re.search(rf"^\s*{n}\. \S", raw, re.MULTILINE):
            names.add(("theme", str(n)))
    return names


def sources_dir():
    return Path(getattr(settings, "EVIDENCE_SOURCES_DIR", Path(settings.BASE_DIR).parent / "shared" / "seeds"))


@lru_cache(maxsize=4)
def library_at(folder):
    return Library(folder)


def library():
    """The library at the configured folder; raises SourcesMissing (with the folder) if absent."""
    return library_at(str(sources_dir()))
