from django.core.exceptions import PermissionDenied
from wagtail.admin.views.reports import ReportView

from .coverage import THIN_AT_MOST, coverage

COVERAGE_PERMISSION = "editorial.view_coverage"


class CoverageReportView(ReportView):
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
