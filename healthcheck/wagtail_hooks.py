"""Editors write, reword and reorder the health check's statements as snippets. The frozen
versions (`StatementSet`) are made automatically and are not editable, so old result links
keep their meaning."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Statement


class StatementViewSet(SnippetViewSet):
    model = Statement
    icon = "list-ol"
    menu_label = "Health-check statements"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["text", "feature", "sort_order"]
    list_filter = ["feature"]
    ordering = ["feature__sort_order", "sort_order", "pk"]
    search_fields = ["text", "guidance"]


register_snippet(StatementViewSet)
