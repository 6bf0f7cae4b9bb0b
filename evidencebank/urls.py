from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from casestudies.finder import LISTING_PARAMS
from casestudies.renderings import cache_keyed_on
from casestudies.reuse import discovery, embeds, permanent_links
from casestudies.reuse.feeds import case_study_feed, reading_list_feed, term_feed
from evidencebank.serving.health import healthz

# The site's error pages; under /api/ each is a problem document (api/problem_details.py).
handler400 = "evidencebank.serving.errors.bad_request"
handler403 = "evidencebank.serving.errors.permission_denied"
handler404 = "evidencebank.serving.errors.page_not_found"
handler500 = "evidencebank.serving.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("health-check/", include("healthcheck.urls")),
    path("find/", permanent_links.finder_entry, name="finder_entry"),
    path("submit/", include("submissions.urls")),
    path("api/v1/", include("api.urls")),
    path("feeds/case-studies.atom", cache_keyed_on(*LISTING_PARAMS)(case_study_feed), name="case_study_feed"),
    # Each landing page's own feed: a feature's, a lever's, a reading list's case studies.
    path("feeds/features/<slug:slug>.atom", term_feed, {"param": "feature"}, name="feature_feed"),
    path("feeds/levers/<slug:slug>.atom", term_feed, {"param": "lever"}, name="lever_feed"),
    path("feeds/reading-lists/<int:page_id>.atom", reading_list_feed, name="reading_list_feed"),
    path("sitemap.xml", discovery.sitemap, name="sitemap"),
    # Embeddable cards (the only frameable pages) and the oEmbed endpoint describing them.
    path("cs/<int:page_id>/card/", embeds.card, name="card"),
    path("oembed/", cache_keyed_on("url", "format", "maxwidth", "maxheight")(embeds.oembed), name="oembed"),
    path("robots.txt", discovery.robots, name="robots"),
    # Permanent links: never changed, never reused, 301 to wherever the page lives now.
    path("cs/<int:page_id>/", permanent_links.permanent_link, name="permanent_link"),
    path("cs/<int:page_id>/v/<int:number>/", permanent_links.permanent_version, name="permanent_version"),
    re_path(
        r"^cs/(?P<page_id>[0-9]+)/list\.(?P<extension>ris|bib|csv|json)$",
        permanent_links.reading_list_download,
        name="reading_list_download",
    ),
    # Citation files (RIS, BibTeX, CSL-JSON) of the latest version and of each version.
    re_path(
        r"^cs/(?P<page_id>[0-9]+)/cite\.(?P<extension>ris|bib|json)$",
        permanent_links.citation_download,
        name="citation_file",
    ),
    re_path(
        r"^cs/(?P<page_id>[0-9]+)/v/(?P<number>[0-9]+)/cite\.(?P<extension>ris|bib|json)$",
        permanent_links.citation_download,
        name="citation_file_version",
    ),
    # The downloads' first addresses, kept so that no published link breaks.
    path("case-studies/export.json", permanent_links.legacy_download, {"file_format": "json"}),
    path("case-studies/export.csv", permanent_links.legacy_download, {"file_format": "csv"}),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
