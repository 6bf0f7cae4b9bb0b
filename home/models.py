from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from casestudies.blocks import PARAGRAPH_FEATURES, HeadingBlock, ImageBlock, QuoteBlock


class HomePage(Page):
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Two sentences: what the bank is and whom it serves.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["casestudies.CaseStudyIndexPage", "home.StandardPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from casestudies.models import CaseStudyPage, PolicyLever, SuccessFeature

        context = super().get_context(request, *args, **kwargs)
        published = CaseStudyPage.objects.live().public()
        features = list(SuccessFeature.objects.all())
        levers = list(PolicyLever.objects.all())
        context["features"] = features
        context["levers"] = levers
        context["matrix"] = evidence_matrix(published, features, levers)
        context["published_count"] = published.count()
        context["latest_case_studies"] = published.order_by("-first_published_at").select_related("region")[:4]
        return context


def evidence_matrix(published, features, levers):
    """Rows of (feature, [(lever, count of published case studies showing both)]), in one query."""
    from casestudies.matrix import feature_pair_counts

    counts = feature_pair_counts(published.values("pk"), "page__policy_levers__slug")
    return [(feature, [(lever, counts.get((feature.slug, lever.slug), 0)) for lever in levers]) for feature in features]


class StandardPage(Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    body = StreamField(
        [
            ("heading", HeadingBlock()),
            ("paragraph", blocks.RichTextBlock(features=PARAGRAPH_FEATURES, icon="pilcrow")),
            ("quote", QuoteBlock()),
            ("image", ImageBlock()),
        ],
        blank=True,
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
