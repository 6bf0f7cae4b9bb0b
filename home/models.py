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
        """The count, the feature-by-lever matrix and the latest case studies, read from the
        case-study finder's facet index: the same few queries at any size of bank."""
        from casestudies.facet_index import site_facet_index
        from casestudies.models import CaseStudyPage, PolicyLever, SuccessFeature

        context = super().get_context(request, *args, **kwargs)
        features = list(SuccessFeature.objects.all())
        levers = list(PolicyLever.objects.all())
        index = site_facet_index()
        latest = index.pks[:4] if index else []
        pages = {p.pk: p for p in CaseStudyPage.objects.filter(pk__in=latest).defer_streamfields().select_related("region")}
        context["features"] = features
        context["levers"] = levers
        context["matrix"] = evidence_matrix(index, features, levers)
        context["published_count"] = index.size if index else 0
        context["latest_case_studies"] = [pages[pk] for pk in latest if pk in pages]
        return context


def evidence_matrix(index, features, levers):
    """Rows of (feature, [(lever, count of published case studies showing both)])."""
    def count(feature, lever):
        if index is None:
            return 0
        return (index.value_mask("feature", feature.slug) & index.value_mask("lever", lever.slug)).bit_count()

    return [(feature, [(lever, count(feature, lever)) for lever in levers]) for feature in features]


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
