"""Who submitted a case study, kept apart from the page so that no public surface can show it.

The page (a draft in the review workflow) holds only what the partnership said about itself;
this row holds the submitter's name, role, organisation and email for the editors, and is
deleted SUBMITTER_CONTACT_DAYS after the case study is published or rejected
(`prune_submitter_contacts`)."""

from django.db import models
from wagtail.admin.panels import FieldPanel


class SubmitterContact(models.Model):
    page = models.OneToOneField(
        "casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="+", verbose_name="case study"
    )
    name = models.CharField(max_length=100)
    role = models.CharField(max_length=100, blank=True)
    organisation = models.CharField(max_length=200)
    email = models.EmailField(max_length=254)
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(
        null=True, blank=True, help_text="When the case study was published or rejected; the count to deletion starts."
    )

    panels = [
        FieldPanel("page", read_only=True),
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("decided_at", read_only=True),
    ]

    class Meta:
        verbose_name = "submitter's contact details"
        verbose_name_plural = "submitters' contact details"
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.name}, {self.organisation}"
