from django import template

from ..finder import related_case_studies as related

register = template.Library()


@register.simple_tag
def related_case_studies(page, limit=3):
    """Other published case studies sharing the most success features and purposes."""
    return related(page, limit)
