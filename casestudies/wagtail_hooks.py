from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from .finder import case_study_rendering_parts
from .models import Barrier, CaseStudyPage, PartnerOrganisation, Phase, PolicyLever, Purpose, Region, SuccessFeature
from .renderings import reuse_rendering


class FixedTermsPermissionHelper(PermissionHelper):
    """The taxonomies are canonical: editors reword terms but never add or remove them."""

    def user_can_create(self, user):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class TermAdmin(ModelAdmin):
    permission_helper_class = FixedTermsPermissionHelper
    list_display = ("name", "slug", "description")
    search_fields = ("name", "slug", "description")
    ordering = ("sort_order",)
    menu_icon = "tag"


class SuccessFeatureAdmin(TermAdmin):
    model = SuccessFeature
    menu_icon = "success"


class PolicyLeverAdmin(TermAdmin):
    model = PolicyLever
    list_display = ("name", "slug", "stringency", "description")
    menu_icon = "cog"


class PurposeAdmin(TermAdmin):
    model = Purpose


class PhaseAdmin(TermAdmin):
    model = Phase


class RegionAdmin(TermAdmin):
    model = Region
    list_display = ("name", "slug", "kind")
    list_filter = ("kind",)
    menu_icon = "site"


class BarrierAdmin(TermAdmin):
    model = Barrier
    menu_icon = "warning"


@modeladmin_register
class TaxonomyGroup(ModelAdminGroup):
    menu_label = "Taxonomy"
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (
        SuccessFeatureAdmin,
        PolicyLeverAdmin,
        PurposeAdmin,
        PhaseAdmin,
        RegionAdmin,
        BarrierAdmin,
    )


class OrganisationChooserViewSet(SnippetChooserViewSet):
    # The chooser's "Create" tab: editors add an organisation without leaving the case study.
    form_fields = ["name", "type", "region", "website"]
    create_action_label = "Create a new organisation"


class PartnerOrganisationViewSet(SnippetViewSet):
    """Editors, moderators and administrators choose or create partner organisations from the
    case-study form (the snippet chooser) and tidy them here (permissions: editorial 0005)."""

    model = PartnerOrganisation
    chooser_viewset_class = OrganisationChooserViewSet
    menu_label = "Partner organisations"
    icon = "group"
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["name", "type", "region", "website"]
    list_filter = ["type", "region"]
    search_fields = ["name"]
    search_backend_name = None  # the model is not in the search index: the database's own lookup
    ordering = ["name"]


register_snippet(PartnerOrganisationViewSet)


@hooks.register("before_serve_page")
def reuse_case_study_rendering(page, request, serve_args, serve_kwargs):
    """A published case study as rendered earlier, when neither it nor its related case studies
    have been published since (and nothing else it shows has changed): see `reuse_rendering`."""
    if not isinstance(page, CaseStudyPage) or serve_args or serve_kwargs:
        return None
    parts = case_study_rendering_parts(page)
    return reuse_rendering(request, parts) if parts is not None else None
