from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, help_text="A short heading for this part of the story.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")],
        default="h2",
        help_text="Use sub-headings only inside a section.",
    )

    class Meta:
        icon = "title"
        template = "casestudies/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text="The words as said or written, without quotation marks.")
    attribution = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text="Who said it, by role and organisation, e.g. 'Head Teacher, Reach Academy Feltham'.",
    )

    class Meta:
        icon = "openquote"
        template = "casestudies/blocks/quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe what the image shows for readers who cannot see it (required).",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "casestudies/blocks/image.html"


class KeyFactBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=40, help_text="The number or short fact, e.g. '30–40'.")
    label = blocks.CharBlock(
        max_length=200, help_text="What the figure counts, e.g. 'students a year taking a language A level'."
    )
    source = blocks.CharBlock(required=False, max_length=200, help_text="Where the figure comes from.")

    class Meta:
        icon = "pick"
        template = "casestudies/blocks/key_fact.html"


class StoryBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, icon="pilcrow")
    quote = QuoteBlock()
    image = ImageBlock()
    key_fact = KeyFactBlock()
