from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from casestudies.finder import LISTING_PARAMS
from casestudies.renderings import cache_keyed_on

from . import views

app_name = "api"

urlpatterns = [
    path("", views.ApiRoot.as_view(), name="root"),
    path("case-studies/", cache_keyed_on(*LISTING_PARAMS)(views.CaseStudyList.as_view()), name="case-study-list"),
    path("case-studies/<int:page_id>/", views.CaseStudyDetail.as_view(), name="case-study-detail"),
    path(
        "reading-lists/",
        cache_keyed_on("feature", "limit", "offset")(views.ReadingListList.as_view()),
        name="reading-list-list",
    ),
    path("reading-lists/<int:page_id>/", views.ReadingListDetail.as_view(), name="reading-list-detail"),
    path("taxonomies/", views.TaxonomyList.as_view(), name="taxonomy-list"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
]
