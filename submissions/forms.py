"""The public submission form: what the partnership says about itself, and who to contact.
Every field has a length limit; HTML is stripped; links must be http or https."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.html import strip_tags

from casestudies.models import SuccessFeature

MAX_PARTNERS = 20
MAX_LINKS = 10
# A link in free text with a scheme that could run code or reach a file: refused.
UNSAFE_SCHEME = re.compile(r"\b(?:javascript|vbscript|data|file|blob)\s*:", re.IGNORECASE)
# Characters that are not text: control characters other than tab and newline, and lone surrogates.
NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def plain(text):
    """The text without HTML tags or control characters, trimmed; line breaks kept."""
    text = strip_tags(NOT_TEXT.sub("", text))
    return "\n".join(line.strip() for line in text.replace("\r\n", "\n").split("\n")).strip()


def lines(text):
    return [line for line in (part.strip() for part in text.split("\n")) if line]


class PlainTextField(forms.CharField):
    def __init__(self, *, rows=None, **kwargs):
        if rows:
            kwargs["widget"] = forms.Textarea(attrs={"rows": rows})
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        cleaned = plain(value)
        if self.required and not cleaned:
            raise ValidationError(self.error_messages["required"], code="required")
        if UNSAFE_SCHEME.search(cleaned):
            raise ValidationError("Links must start with http:// or https://.", code="scheme")
        return cleaned


class SubmissionForm(forms.Form):
    title = PlainTextField(
        label="What is the partnership called?",
        help_text="For example, ‘Hounslow maths teaching partnership’.",
        max_length=120,
        error_messages={"required": "Enter the partnership’s name"},
    )
    partners = PlainTextField(
        label="Which organisations are the partners?",
        help_text="One on each line: each school, trust, university or other organisation, "
        f"and what kind of organisation it is. Up to {MAX_PARTNERS}.",
        max_length=3000,
        rows=5,
        error_messages={"required": "Enter the partner organisations"},
    )
    activity = PlainTextField(
        label="What do the partners do together?",
        help_text="What problem you set out to solve, who does what, and what has happened so far.",
        max_length=5000,
        rows=8,
        error_messages={"required": "Describe what the partners do together"},
    )
    features = forms.MultipleChoiceField(
        label="Which of the five success features does your partnership show?",
        help_text="Select all that apply. Only choose the features you can show.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one success feature"},
    )
    features_why = PlainTextField(
        label="Why do you think it shows them?",
        help_text="A sentence or two of evidence for each feature you selected.",
        max_length=3000,
        rows=6,
        error_messages={"required": "Say why your partnership shows these features"},
    )
    impact = PlainTextField(
        label="Impact figures and where they come from (optional)",
        help_text="Each figure with its baseline, the result, and its source, for example trust records "
        "or an evaluation report.",
        max_length=3000,
        rows=5,
        required=False,
    )
    links = PlainTextField(
        label="Links to published evaluations or reports (optional)",
        help_text=f"One web address on each line, starting with https:// or http://. Up to {MAX_LINKS}.",
        max_length=5000,
        rows=3,
        required=False,
    )
    name = PlainTextField(label="Your full name", max_length=100, error_messages={"required": "Enter your full name"})
    role = PlainTextField(label="Your role (optional)", max_length=100, required=False)
    organisation = PlainTextField(
        label="Your organisation", max_length=200, error_messages={"required": "Enter your organisation"}
    )
    email = forms.EmailField(
        label="Your email address",
        help_text="We use it only to contact you about this case study.",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    # A honeypot: hidden from people (by CSS, and from screen readers), filled in by some robots.
    website = forms.CharField(label="Leave this empty", required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["features"].choices = list(
            SuccessFeature.objects.order_by("sort_order").values_list("slug", "name")
        )

    def clean_partners(self):
        partners = lines(self.cleaned_data["partners"])
        if len(partners) > MAX_PARTNERS:
            raise ValidationError(f"List at most {MAX_PARTNERS} partner organisations")
        if any(len(partner) > 255 for partner in partners):
            raise ValidationError("Keep each partner’s line under 255 characters")
        seen = set()
        for partner in partners:
            key = " ".join(partner.split()).casefold()
            if key in seen:
                raise ValidationError(f"“{partner[:80]}” is listed twice: list each partner once")
            seen.add(key)
        return partners

    def clean_links(self):
        links = lines(self.cleaned_data["links"])
        if len(links) > MAX_LINKS:
            raise ValidationError(f"Give at most {MAX_LINKS} links")
        check = URLValidator(schemes=["http", "https"])
        for link in links:
            try:
                check(link)
            except ValidationError:
                raise ValidationError(
                    f"“{link[:80]}” is not a web address: each link must start with https:// or http://"
                ) from None
        return links

    def describe_fields(self):
        """Point each control at its hint and, when it has one, its error message."""
        for name, field in self.fields.items():
            bound = self[name]
            ids = [f"{bound.auto_id}_helptext"] if field.help_text else []
            if bound.errors:
                ids.append(f"{bound.auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids and not isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.widget.attrs["aria-describedby"] = " ".join(ids)
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        self.fields["email"].widget.attrs.update(autocomplete="email", spellcheck="false")
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["role"].widget.attrs["autocomplete"] = "organization-title"
        return self

    @property
    def is_robot(self):
        return bool(self.data.get("website"))
