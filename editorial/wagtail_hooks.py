from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from casestudies.interchange import IMPORT_LOG_ACTION

from . import prefill  # noqa: F401 (the add view prefilled from its address)
from .coverage import coverage
from .reports import COVERAGE_PERMISSION, ContentQualityReportView, CoverageReportView
from .views import IMPORT_PERMISSION, ImportFormatView, ImportJobView, ImportUploadView

urlpatterns = [
    path("import/", ImportUploadView.as_view(), name="import"),
    path("import/<int:pk>/", ImportJobView.as_view(), name="import_job"),
    path("import/format/", ImportFormatView.as_view(), name="import_format"),
    path("coverage/", CoverageReportView.as_view(), name="coverage"),
    path("coverage/results/", CoverageReportView.as_view(results_only=True), name="coverage_results"),
    path("quality/", ContentQualityReportView.as_view(), name="quality"),
    path("quality/results/", ContentQualityReportView.as_view(results_only=True), name="quality_results"),
]


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [path("editorial/", include((urlpatterns, "editorial"), namespace="editorial"))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return PermissionMenuItem(
        "Import case studies", reverse("editorial:import"), icon_name="upload", order=250, permission=IMPORT_PERMISSION
    )


@hooks.register("register_reports_menu_item")
def register_coverage_report_menu_item():
    return PermissionMenuItem(
        "Evidence coverage", reverse("editorial:coverage"), icon_name="table", order=50, permission=COVERAGE_PERMISSION
    )


@hooks.register("register_reports_menu_item")
def register_quality_report_menu_item():
    return PermissionMenuItem(
        "Content quality", reverse("editorial:quality"), icon_name="warning", order=60, permission=COVERAGE_PERMISSION
    )


class CoveragePanel(Component):
    name = "evidence_coverage"
    template_name = "editorial/home_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {"coverage": coverage(), "can_import": request.user.has_perm(IMPORT_PERMISSION)}


@hooks.register("construct_homepage_panels")
def add_coverage_panel(request, panels):
    if request.user.has_perm(COVERAGE_PERMISSION):
        panels.append(CoveragePanel())


@hooks.register("register_log_actions")
def register_import_log_action(actions):
    actions.register_action(IMPORT_LOG_ACTION, "Import", "Imported from a case-study file")
