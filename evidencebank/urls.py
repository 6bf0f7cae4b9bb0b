from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from casestudies import views as casestudies_views
from evidencebank.serving.health import healthz

handler500 = "evidencebank.serving.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("health-check/", include("healthcheck.urls")),
    path("find/", casestudies_views.finder_entry, name="finder_entry"),
    # The downloads' first addresses, kept so that no published link breaks.
    path("case-studies/export.json", casestudies_views.legacy_download, {"file_format": "json"}),
    path("case-studies/export.csv", casestudies_views.legacy_download, {"file_format": "csv"}),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
