from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import REPORT_PERMISSION, ReaderDemandReportView

urlpatterns = [
    path("", ReaderDemandReportView.as_view(), name="report"),
    path("results/", ReaderDemandReportView.as_view(results_only=True), name="report_results"),
]


@hooks.register("register_admin_urls")
def register_insights_urls():
    return [path("reader-demand/", include((urlpatterns, "insights"), namespace="insights"))]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_reader_demand_menu_item():
    return ReportMenuItem("What readers look for", reverse("insights:report"), icon_name="search", order=70)
