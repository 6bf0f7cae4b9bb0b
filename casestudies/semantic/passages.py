"""What is embedded of a case study: its title and summary, then its feature narratives and
story cut into passages of about 120 words (150-200 tokens), each led by the title so that it
stands on its own. Short passages keep embedding fast and let the closest one explain a match."""

from html import unescape

from django.utils.html import strip_tags

WORDS_PER_PASSAGE = 120


def story_text(page):
    for block in page.story:
        if block.block_type in ("heading", "paragraph"):
            value = block.value
            yield unescape(strip_tags(value.source if hasattr(value, "source") else value.get("text", "")))
        elif block.block_type == "quote":
            yield block.value["quote"]


def passages(page):
    found = [f"{page.title}. {page.summary}".strip()]
    parts = [item.evidence for item in page.feature_evidence.all()] + list(story_text(page))
    words = " ".join(part for part in parts if part).split()
    for start in range(0, len(words), WORDS_PER_PASSAGE):
        found.append(f"{page.title}. " + " ".join(words[start : start + WORDS_PER_PASSAGE]))
    return found
