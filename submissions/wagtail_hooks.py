from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SubmitterContact


class SubmitterContactViewSet(SnippetViewSet):
    """Who submitted each case study through the public form: for editors and moderators only
    (the model's permissions), never on a public page."""

    model = SubmitterContact
    icon = "mail"
    menu_label = "Submitted case studies"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["page", "name", "organisation", "email", "submitted_at", "decided_at"]
    search_fields = ["name", "organisation", "email"]


register_snippet(SubmitterContactViewSet)
