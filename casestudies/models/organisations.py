import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower

from .choices import PartnerType


def normalised_name(name):
    """The name as duplicates are detected: case, punctuation, '&' for 'and' and spacing do not
    count, so "Royal Holloway, University of London" and "royal holloway university of london"
    are one organisation."""
    text = name.casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^\w\s]|_", " ", text).split())


class PartnerOrganisationQuerySet(models.QuerySet):
    def named(self, name):
        """The organisation whose name normalises to the same as `name`, or None."""
        return self.filter(name_key=normalised_name(name)).order_by("pk").first()


class PartnerOrganisation(models.Model):
    name = models.CharField(
        max_length=255,
        help_text="The organisation's usual full name, e.g. 'Kingston University'.",
    )
    # normalised_name(name): what duplicates are found by.
    name_key = models.CharField(max_length=255, db_index=True, editable=False, default="")
    type = models.CharField(
        "type of organisation",
        max_length=20,
        choices=PartnerType.choices,
        help_text="Choose the closest type; use 'Other' only when none fits.",
    )
    region = models.ForeignKey(
        "casestudies.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where the organisation is based. Leave empty for national bodies.",
    )
    website = models.URLField(blank=True, help_text="Its home page, starting https://")

    objects = PartnerOrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "partner organisation"
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="unique_partner_organisation_name_ci",
                violation_error_message="A partner organisation with this name already exists.",
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        self.name = " ".join(self.name.split())
        clash = PartnerOrganisation.objects.exclude(pk=self.pk).named(self.name) if self.name else None
        if clash is not None:
            raise ValidationError(
                {"name": f"“{clash.name}” is already in the list: choose it instead of adding it again."}
            )

    def save(self, *args, **kwargs):
        self.name_key = normalised_name(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_key"}
        return super().save(*args, **kwargs)
