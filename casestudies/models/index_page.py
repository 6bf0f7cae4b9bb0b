"""The case-study index: the one page under which every case study lives, and the address of
the reader's finder. Each route hands the request to a finder view with the page itself.

The finder imports the models, so the models cannot import the finder: its views module is
handed to the page class when the app is ready (`CaseStudiesConfig.ready`)."""

from django.db import connection
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from .findable import FindableVersion

# The case-study index above each parent path, read once per findable-content token (a move,
# a delete or a publish of the index moves it): a case study served costs no query for it.
_above = {}


class CaseStudyIndexPage(RoutablePageMixin, Page):
    """The list of case studies, with search and filters, and the routes that share them:
    feature and lever landing pages, the evidence matrix, side-by-side comparison, suggestions and
    downloads."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.CaseStudyPage"]
    max_count = 1
    finder_views = None  # casestudies.finder.views, installed by CaseStudiesConfig.ready()
    download_views = None  # casestudies.downloads, likewise

    class Meta:
        verbose_name = "case-study index"

    @classmethod
    def above(cls, page):
        """The case-study index `page` is a child of, or None."""
        if not page.path:
            return None
        token, parent_path = FindableVersion.current(), page.path[: -page.steplen]
        if _above.get("token") != token:
            _above.clear()
            _above["token"] = token
        key = (connection.alias, connection.settings_dict["NAME"], parent_path)
        if key not in _above:
            _above[key] = cls.objects.filter(path=parent_path).first()
        return _above[key]

    @classmethod
    def get_solo(cls):
        """The bank's case-study index (there is at most one), or None before it is made."""
        return cls.objects.first()

    @path("")
    def case_study_list(self, request):
        return self.finder_views.case_study_list(self, request)

    @path("features/<slug:slug>/")
    def feature_page(self, request, slug):
        return self.finder_views.landing_page(self, request, "feature_page", "feature", slug)

    @path("levers/<slug:slug>/")
    def lever_page(self, request, slug):
        return self.finder_views.landing_page(self, request, "lever_page", "lever", slug)

    @path("matrix/")
    def matrix(self, request):
        return self.finder_views.matrix_page(self, request)

    @path("compare/")
    def compare(self, request):
        return self.finder_views.compare_page(self, request)

    @path("suggest/")
    def suggestions(self, request):
        return self.finder_views.suggestions(self, request)

    @path("download/json/")
    def download_json(self, request):
        return self.download_views.download(self, request, "json")

    @path("download/csv/")
    def download_csv(self, request):
        return self.download_views.download(self, request, "csv")
