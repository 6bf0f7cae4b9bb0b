from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from casestudies import finder
from casestudies.blocks import PARAGRAPH_FEATURES, HeadingBlock, ImageBlock, QuoteBlock
from casestudies.models import CaseStudyIndexPage, PolicyLever, SuccessFeature


class HomePage(Page):
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Two sentences: what the bank is and whom it serves.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["casestudies.CaseStudyIndexPage", "casestudies.ReadingListIndexPage", "home.StandardPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        """The count, the feature-by-lever matrix and the latest case studies, from the finder."""
        context = super().get_context(request, *args, **kwargs)
        context["index_page"] = index_page = CaseStudyIndexPage.get_solo()
        # The listing's address, worked out once for the page's several links to it.
        listing = index_page.get_url(request) if index_page else None
        context["listing_url"] = listing
        context["matrix_url"] = listing + index_page.reverse_subpage("matrix") if listing else None
        context["features"] = term_pages(index_page, listing, "feature_page", SuccessFeature.objects.all())
        context["levers"] = term_pages(index_page, listing, "lever_page", PolicyLever.objects.all())
        context["overview"] = finder.overview(index_page)
        return context


def term_pages(index_page, base, route, terms):
    """(term, the address of its landing page) for each term, on the index page's address `base`."""
    return [(term, base + index_page.reverse_subpage(route, args=[term.slug]) if base else "") for term in terms]


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
