"""Two to four published case studies side by side, row by row, with the rows where they differ
marked. Never a ranking: the columns keep the order the reader chose them in."""

import re
from dataclasses import dataclass, field

from django.db.models import Prefetch

from ..models.case_study import CaseStudyPage
from ..models.case_study_rows import CaseStudyFeatureEvidence, CaseStudyPartner
from ..models.taxonomy import SuccessFeature

MIN_COMPARED, MAX_COMPARED = 2, 4
MAX_IDS_READ = 50  # anything longer is cut before it is looked at


def requested_ids(data):
    """The ids asked for, in order, without repeats: `ids=1&ids=2`, `ids=1,2` or both.
    Returns (ids, ignored) where ignored counts pieces that are not whole numbers."""
    ids, ignored = [], 0
    for raw in data.getlist("ids")[:MAX_IDS_READ]:
        for piece in re.split(r"[,\s]+", raw.strip())[:MAX_IDS_READ]:
            if not piece:
                continue
            if piece.isascii() and piece.isdigit() and len(piece) < 12:
                value = int(piece)
                if value not in ids:
                    ids.append(value)
            else:
                ignored += 1
    return ids[:MAX_IDS_READ], ignored


@dataclass
class Row:
    label: str
    cells: list  # one list of lines per case study
    group: str = ""
    differs: bool = field(init=False)

    def __post_init__(self):
        self.differs = len({tuple(cell) for cell in self.cells}) > 1


@dataclass
class Comparison:
    pages: list
    rows: list
    requested: int
    missing: int  # ids asked for that are unknown, unpublished or private
    ignored: int  # pieces of the address that were not ids
    message: str = ""

    @property
    def ready(self):
        return MIN_COMPARED <= len(self.pages) <= MAX_COMPARED and not self.message

    @property
    def differing(self):
        return sum(1 for row in self.rows if row.differs)


def published_case_studies(index_page, ids):
    """The live, public case studies under `index_page` among `ids`, in the order asked for."""
    pages = (
        CaseStudyPage.objects.child_of(index_page)
        .published()
        .filter(pk__in=ids)
        .defer_streamfields()
        .select_related("region")
        .prefetch_related(
            Prefetch("partners", queryset=CaseStudyPartner.objects.select_related("organisation")),
            Prefetch("feature_evidence", queryset=CaseStudyFeatureEvidence.objects.select_related("feature")),
            "purposes",
            "phases",
            "barriers",
            "impact_measures",
        )
    )
    found = {page.pk: page for page in pages}
    return [found[pk] for pk in ids if pk in found]


def rows_for(pages):
    def each(function):
        return [function(page) for page in pages]

    def names(related):
        return lambda page: [term.name for term in getattr(page, related).all()]

    rows = [
        Row(
            "Partners and roles",
            each(
                lambda p: [
                    f"{x.organisation.name}{' (lead)' if x.is_lead else ''}{': ' + x.role if x.role else ''}"
                    for x in p.partners.all()
                ]
            ),
        ),
        Row("Purpose", each(names("purposes"))),
        Row("Phases", each(names("phases"))),
        Row("Region", each(lambda p: [p.region.name] if p.region else [])),
        Row("Years and status", each(lambda p: [p.status_as_reported] if p.status_as_reported else [])),
        Row("Formality", each(lambda p: [p.get_formality_display()] if p.formality else [])),
        Row("Funding model", each(lambda p: [p.get_funding_model_display()] if p.funding_model else [])),
    ]
    for feature in SuccessFeature.objects.order_by("sort_order", "name"):
        rows.append(
            Row(
                feature.name,
                each(lambda p, f=feature: [x.evidence for x in p.feature_evidence.all() if x.feature_id == f.pk]),
                group="features",
            )
        )
    rows += [
        Row(
            "Impact measures",
            each(
                lambda p: [
                    " ".join(
                        part
                        for part in (
                            f"{m.measure}:",
                            f"from {m.baseline}" if m.baseline else "",
                            f"to {m.result}" if m.result else "",
                            f"({m.source})" if m.source else "",
                        )
                        if part
                    )
                    for m in p.impact_measures.all()
                ]
            ),
        ),
        Row("Evidence type", each(lambda p: [p.get_evidence_type_display()] if p.evidence_type else [])),
        Row("Barriers met", each(names("barriers"))),
    ]
    return rows


def compare(index_page, data):
    ids, ignored = requested_ids(data)
    if len(ids) > MAX_COMPARED:
        pages = published_case_studies(index_page, ids)
        message = (
            f"You asked to compare {len(ids)} case studies: choose two, three or four. "
            "Untick some below and compare again."
        )
        return Comparison(pages, [], len(ids), len(ids) - len(pages), ignored, message)
    pages = published_case_studies(index_page, ids)
    missing = len(ids) - len(pages)
    message = ""
    if len(pages) < MIN_COMPARED:
        message = "Choose at least two case studies to compare them side by side."
    return Comparison(pages, rows_for(pages) if not message else [], len(ids), missing, ignored, message)
