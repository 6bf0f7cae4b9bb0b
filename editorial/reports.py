from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import Button

from .coverage import THIN_AT_MOST, coverage
from .quality import QualitySummary, quality_rows
from .sourcecheck import source_rows

COVERAGE_PERMISSION = "editorial.view_coverage"


class LabelledDownloadsMixin:
    """The CSV and XLSX downloads as labelled buttons in the header, not hidden in its "⋯" menu."""

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            Button("Download CSV", url=self.csv_export_url, icon_name="download", priority=100),
            Button("Download XLSX", url=self.xlsx_export_url, icon_name="download", priority=110),
        ]

    @cached_property
    def header_more_buttons(self):
        downloads = (self.csv_export_url, self.xlsx_export_url)
        return [button for button in super().header_more_buttons if button.url not in downloads]


class CoverageReportView(LabelledDownloadsMixin, ReportView):
    """Coverage of the framework by published case studies; downloads as CSV and XLSX."""

    page_title = "Evidence coverage"
    header_icon = "table"
    results_template_name = "editorial/coverage_results.html"
    index_url_name = "editorial:coverage"
    index_results_url_name = "editorial:coverage_results"
    export_filename = "evidence-coverage"
    paginate_by = None
    list_export = ["section", "row", "column", "count", "note"]
    export_headings = {"section": "Section", "row": "Row", "column": "Column", "count": "Case studies", "note": "Note"}

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(COVERAGE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        self.coverage = coverage()
        return self.coverage.export_rows()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["coverage"] = self.coverage
        context["thin_at_most"] = THIN_AT_MOST
        return context


class ContentQualityReportView(LabelledDownloadsMixin, ReportView):
    """Case studies (live or draft) that break a content-quality rule; downloads as CSV and XLSX.
    The editor shows a moderator the same warnings for the revision under review."""

    page_title = "Content quality"
    header_icon = "warning"
    results_template_name = "editorial/quality_results.html"
    index_url_name = "editorial:quality"
    index_results_url_name = "editorial:quality_results"
    export_filename = "content-quality"
    paginate_by = None
    list_export = ["title", "state", "problem", "message", "where", "last_reviewed", "rule"]
    export_headings = {
        "title": "Case study",
        "state": "State",
        "problem": "Problem",
        "message": "What to do",
        "where": "Where to fix it",
        "last_reviewed": "Last reviewed",
        "rule": "Rule",
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(COVERAGE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        self.summary = QualitySummary(quality_rows())
        # Live pages checked against the source documents: listed in their own section, and in the download.
        self.source_rows = source_rows()
        return self.summary.rows + self.source_rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = self.summary
        context["source_rows"] = self.source_rows
        return context
