"""Reading lists for courses: an ordered list of case studies, each with a note (why read it)
and discussion questions, for an audience such as an NPQ module. They live under their own
index page; Course designers write them, and publishing goes through review."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..addresses import permanent_url
from .case_study import CaseStudyPage
from .findable import readable


class ReadingListIndexPage(Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.ReadingListPage"]
    max_count = 1

    class Meta:
        verbose_name = "reading-list index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["reading_lists"] = readable(ReadingListPage.objects.child_of(self)).order_by("title")
        return context


class ReadingListPage(Page):
    audience = models.CharField(
        max_length=255,
        help_text="Whom the list is for: the course and its module, e.g. 'NPQ for Executive Leadership: "
        "working in partnership'.",
    )
    introduction = models.TextField(blank=True, help_text="What the list is for and how to use it.")

    content_panels = Page.content_panels + [
        FieldPanel("audience"),
        FieldPanel("introduction"),
        InlinePanel("items", label="Case study", heading="Case studies, in reading order", min_num=1),
    ]
    search_fields = Page.search_fields + [index.SearchField("audience"), index.SearchField("introduction")]
    parent_page_types = ["casestudies.ReadingListIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "reading list"

    @classmethod
    def published_lists(cls):
        """The reading lists readers may see: live, and not behind a privacy restriction."""
        return cls.objects.live().public()

    @classmethod
    def published_item_counts(cls, pages):
        """{list id: how many of its case studies are published}, in two queries for any
        number of lists."""
        rows = list(ReadingListItem.objects.filter(page__in=pages).values_list("page_id", "case_study_id"))
        ids = {case_study_id for _, case_study_id in rows if case_study_id}
        published = set(CaseStudyPage.objects.filter(pk__in=ids).published().values_list("pk", flat=True))
        counts = {page.pk: 0 for page in pages}
        for page_id, case_study_id in rows:
            if case_study_id in published:
                counts[page_id] += 1
        return counts

    def entries(self):
        """[(item, published case study or None)] in order: None when the case study is no
        longer published (a draft, private, unpublished or deleted page is never shown)."""
        items = list(self.items.all())
        ids = [item.case_study_id for item in items if item.case_study_id]
        published = {
            page.pk: page
            for page in CaseStudyPage.objects.filter(pk__in=ids)
            .published()
            .defer_streamfields()
            .select_related("region")
            .prefetch_related("partners__organisation", "feature_evidence__feature")
        }
        return [(item, published.get(item.case_study_id)) for item in items]

    def published_case_studies(self):
        return [page for _, page in self.entries() if page is not None]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entries"] = self.entries()
        context["permanent_url"] = permanent_url(self.pk, request=request) if self.pk else ""
        return context


class ReadingListItem(Orderable):
    page = ParentalKey(ReadingListPage, on_delete=models.CASCADE, related_name="items")
    case_study = models.ForeignKey(
        CaseStudyPage,
        null=True,
        on_delete=models.SET_NULL,
        related_name="reading_list_items",
        help_text="A published case study.",
    )
    note = models.TextField("why read it", blank=True, help_text="What readers should take from this case study.")
    discussion_questions = models.TextField(
        blank=True, help_text="One question per line, for the seminar or the reader's own reflection."
    )

    panels = [FieldPanel("case_study"), FieldPanel("note"), FieldPanel("discussion_questions")]

    @property
    def questions(self):
        return [line.strip() for line in self.discussion_questions.splitlines() if line.strip()]
