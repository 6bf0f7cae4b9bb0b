from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower

from .choices import PartnerType


class PartnerOrganisation(models.Model):
    name = models.CharField(
        max_length=255,
        help_text="The organisation's usual full name, e.g. 'Kingston University'.",
    )
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
        clash = PartnerOrganisation.objects.filter(name__iexact=self.name).exclude(pk=self.pk)
        if self.name and clash.exists():
            raise ValidationError(
                {"name": f"“{clash.first().name}” is already in the list: choose it instead of adding it again."}
            )
