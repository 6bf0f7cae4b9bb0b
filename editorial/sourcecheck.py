"""The content-quality report's second part: live pages checked against the source documents
(`casestudies.sourcecheck`, the same rules the demo-content tests and the importer apply).

Live case studies are checked as published (readers see that version), written out as
interchange records; standard pages, the home page, reading lists and the success features'
text are checked for quotations and copied runs."""

from dataclasses import dataclass

from django.utils.html import strip_tags
from wagtail.models import Page

from casestudies.interchange import case_study_record
from casestudies.models import CaseStudyPage, ReadingListPage, SuccessFeature
from casestudies.sourcecheck import Problem, SourcesMissing, check_document, check_record, library, sources_dir
from home.models import HomePage, StandardPage


@dataclass
class SourceRow:
    """One problem on one live page: a line of the report and of its download."""

    page: Page | None
    title: str
    where: str
    rule: str
    problem: str
    message: str
    state: str = "Live"
    last_reviewed: object = None


def row(page, title, problem):
    return SourceRow(page, title, problem.where, problem.rule, problem.label, f"{problem.where}: {problem.message}")


def page_pieces(page):
    if isinstance(page, HomePage):
        return [("introduction", strip_tags(str(page.intro)))]
    pieces = [("title", page.title), ("introduction", strip_tags(str(page.intro)))]
    for n, block in enumerate(page.body, start=1):
        text = block.value["text"] if block.block_type == "heading" else strip_tags(str(block.value))
        pieces.append((f"body {n}", text))
    return pieces


def list_pieces(page):
    pieces = [("title", page.title), ("audience", page.audience), ("introduction", page.introduction)]
    for n, item in enumerate(page.items.all(), start=1):
        pieces += [(f"item {n} note", item.note), (f"item {n} questions", item.discussion_questions)]
    return pieces


def source_rows():
    """Every problem on a live page, or one row saying the sources could not be read."""
    try:
        lib = library()
    except SourcesMissing:
        message = f"The source documents were not found in {sources_dir()} (setting EVIDENCE_SOURCES_DIR), so live pages were not checked against them."
        return [
            SourceRow(None, "All live pages", "", "sources-missing", Problem("sources-missing", "", "").label, message)
        ]
    rows = []
    for page in CaseStudyPage.objects.live().order_by("title", "pk"):
        # A source the bank does not hold is no fault of the page (the import report says so once).
        problems = [p for p in check_record(lib, case_study_record(page)) if p.rule != "source-not-held"]
        rows += [row(page, page.title, p) for p in problems]
    for page in list(HomePage.objects.live()) + list(StandardPage.objects.live().order_by("title")):
        rows += [row(page, page.title, p) for p in check_document(lib, page_pieces(page))]
    for page in ReadingListPage.objects.live().order_by("title").prefetch_related("items"):
        rows += [row(page, page.title, p) for p in check_document(lib, list_pieces(page))]
    for feature in SuccessFeature.objects.all():
        pieces = [("description", feature.description), ("explanation", feature.explanation)]
        pieces.append(("practice described in the sources", feature.practice_notes))
        rows += [row(None, f"Success feature: {feature.name}", p) for p in check_document(lib, pieces)]
    return rows
