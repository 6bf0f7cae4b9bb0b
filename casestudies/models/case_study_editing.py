"""How editors write a case study: the admin form (one row per feature and per partner, a fresh
change summary for each published change) and the tabs of panels it is laid out in."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.models import Page

from .quality import QualityWarningsPanel
from .review import ReviewCommentPanel


class CaseStudyPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.external_id:
            field = self.fields["external_id"]
            field.disabled = True
            field.help_text = "Fixed when the case study was first saved; imports and exports rely on it."
        if self.instance.pk and not self.is_bound:
            # A new summary for each published change: never offer the last one again.
            self.initial["change_summary"] = ""

    def clean(self):
        cleaned_data = super().clean()
        self._check_one_row_per("feature_evidence", "feature", "success feature")
        self._check_one_row_per("partners", "organisation", "partner organisation")
        return cleaned_data

    def _check_one_row_per(self, formset_name, field_name, label):
        # Read the submitted value: the formset's own unique check removes duplicates from
        # cleaned_data and only says "Please correct the duplicate values".
        seen = set()
        for form in self.formsets[formset_name].forms:
            if "DELETE" in form.fields and form["DELETE"].value():
                continue
            field = form[field_name]
            value = field.value()
            if value in (None, ""):
                continue
            if value in seen:
                choice = dict((str(k), v) for k, v in field.field.choices).get(str(value), value)
                form.add_error(None, f"“{choice}” is listed twice: keep one {label} entry and merge the text.")
            seen.add(value)


story_panels = [
    ReviewCommentPanel(heading="Changes requested"),
    QualityWarningsPanel(heading="Content quality"),
    TitleFieldPanel(
        "title",
        help_text="A plain, descriptive title: who did what, e.g. "
        "'A local route into teaching through foundation degrees'.",
    ),
    FieldPanel("summary"),
    FieldPanel("story"),
    FieldPanel("change_summary"),
]
partner_panels = [
    HelpPanel(
        "Add every partner organisation a source names, and what it does best. Mark a lead only where a "
        "source says who convened or led the work. Leave this empty when the sources name no partner: "
        "the citation then credits the bank."
    ),
    # No minimum: ten of the demo case studies' sources name no partner, and the importer accepts that.
    InlinePanel("partners", label="Partner", heading="Partners"),
]
feature_panels = [
    HelpPanel("Choose each success feature this case shows (at least one) and say how it shows it."),
    InlinePanel("feature_evidence", label="Success feature", min_num=1, max_num=5, heading="Success features"),
]
evidence_panels = [
    MultiFieldPanel([FieldPanel("evidence_type"), FieldPanel("evidence_note")], heading="Strength of evidence"),
    InlinePanel("impact_measures", label="Impact measure", heading="Impact measures"),
    MultiFieldPanel([FieldPanel("barriers"), FieldPanel("barriers_note")], heading="Barriers"),
    FieldPanel("advice"),
]
classification_panels = [
    FieldPanel("policy_levers", widget=forms.CheckboxSelectMultiple),
    FieldPanel("purposes", widget=forms.CheckboxSelectMultiple),
    FieldPanel("phases", widget=forms.CheckboxSelectMultiple),
    MultiFieldPanel([FieldRowPanel([FieldPanel("region"), FieldPanel("local_authority")])], heading="Place"),
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
            FieldRowPanel([FieldPanel("status"), FieldPanel("reported_year")]),
        ],
        heading="Time and status",
    ),
    MultiFieldPanel(
        [FieldPanel("formality"), FieldPanel("funding_model"), FieldPanel("funding_note")],
        heading="Formality and funding",
    ),
]
source_panels = [
    InlinePanel("sources", label="Source", heading="Sources"),
    InlinePanel("related_documents", label="Related document", heading="Related documents (evaluation reports)"),
    FieldPanel("last_reviewed"),
    FieldPanel("licence"),
]
EDIT_HANDLER = TabbedInterface(
    [
        ObjectList(story_panels, heading="Story"),
        ObjectList(partner_panels, heading="Partners"),
        ObjectList(feature_panels, heading="Success features"),
        ObjectList(evidence_panels, heading="Evidence and impact"),
        ObjectList(classification_panels, heading="Classification"),
        ObjectList(source_panels, heading="Sources"),
        ObjectList(Page.promote_panels + [FieldPanel("external_id")], heading="Promote"),
        ObjectList(Page.settings_panels, heading="Settings"),
    ]
)
