from wagtail import hooks
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


class PartnerOrganisationAdmin(ModelAdmin):
    model = PartnerOrganisation
    menu_label = "Partner organisations"
    menu_icon = "group"
    list_display = ("name", "type", "region", "website")
    list_filter = ("type", "region")
    search_fields = ("name",)
    ordering = ("name",)


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
        PartnerOrganisationAdmin,
    )


@hooks.register("before_serve_page")
def reuse_case_study_rendering(page, request, serve_args, serve_kwargs):
    """A published case study as rendered earlier, when neither it nor its related case studies
    have been published since (and nothing else it shows has changed): see `reuse_rendering`."""
    if not isinstance(page, CaseStudyPage) or serve_args or serve_kwargs:
        return None
    parts = case_study_rendering_parts(page)
    return reuse_rendering(request, parts) if parts is not None else None
