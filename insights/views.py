import django_filters
from django.core.exceptions import PermissionDenied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from .models import DailySearch
from .report import FEW_AT_MOST, THIN_BELOW, ReaderDemand

REPORT_PERMISSION = "insights.view_search_report"


class DemandFilterSet(WagtailFilterSet):
    day = django_filters.DateFromToRangeFilter(label="Searched between", widget=DateRangePickerWidget)

    class Meta:
        model = DailySearch
        fields = ["day"]


class ReaderDemandReportView(ReportView):
    """What readers look for and do not find; downloads as CSV and XLSX."""

    page_title = "What readers look for"
    header_icon = "search"
    results_template_name = "insights/report_results.html"
    index_url_name = "insights:report"
    index_results_url_name = "insights:report_results"
    filterset_class = DemandFilterSet
    export_filename = "what-readers-look-for"
    paginate_by = None
    list_export = ["section", "query", "filters", "searches", "results", "opens", "trend", "search_url"]
    export_headings = {
        "section": "Section",
        "query": "Search words",
        "filters": "Filters",
        "searches": "Searches",
        "results": "Case studies found",
        "opens": "Opened",
        "trend": "Trend",
        "search_url": "Search as readers saw it",
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return DailySearch.objects.order_by("day")

    def get_filtered_queryset(self):
        self.demand = ReaderDemand(self.filter_queryset(self.get_queryset()), today=self.window_end())
        return self.demand.rows()

    def window_end(self):
        """The last day the date filter keeps: the trend is the week before it. Today if open."""
        if self.filters and self.filters.is_valid():
            chosen = self.filters.form.cleaned_data.get("day")
            if chosen is not None and chosen.stop is not None:
                return chosen.stop.date() if hasattr(chosen.stop, "date") else chosen.stop
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(demand=self.demand, few_at_most=FEW_AT_MOST, thin_below=THIN_BELOW)
        return context
