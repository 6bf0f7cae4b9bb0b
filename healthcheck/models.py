"""The health check's statements and the versioned sets they are answered on.

Editors write, reword and reorder `Statement`s (a snippet). Every change that alters what a
reader would answer is frozen as a new `StatementSet` version (`healthcheck/signals.py`): a
result address names its version, so an old link is always shown against the statements it was
answered on."""

from django.db import models, transaction
from wagtail.admin.panels import FieldPanel

from casestudies.models import FindableVersion, SuccessFeature


class Statement(models.Model):
    feature = models.ForeignKey(
        SuccessFeature,
        on_delete=models.PROTECT,
        related_name="health_check_statements",
        help_text="The success feature this statement checks (three per feature is the design).",
    )
    text = models.CharField(
        max_length=255,
        help_text="A statement a partnership answers: not yet, starting, mostly or fully. "
        "Write it so that 'fully' is clearly good practice.",
    )
    guidance = models.TextField(
        help_text="What good looks like, in our words, from the sources: shown to readers who score low.",
    )
    source = models.CharField(
        max_length=255,
        help_text="The passage the statement comes from, e.g. 'Vainker and Slavinsky (2024), "
        "Features of successful partnerships, fourth feature'.",
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Order within the check (lower first); statements are grouped by feature."
    )

    panels = [
        FieldPanel("feature"),
        FieldPanel("text"),
        FieldPanel("guidance"),
        FieldPanel("source"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = "health-check statement"

    def __str__(self):
        return self.text


class StatementSet(models.Model):
    """One frozen version of the statements, in the order readers answer them."""

    version = models.PositiveIntegerField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    statements = models.JSONField(help_text="[{feature, text, guidance, source}], in answering order.")

    class Meta:
        ordering = ["-version"]
        verbose_name = "health-check statement set"

    def __str__(self):
        return f"Version {self.version} ({len(self.statements)} statements)"

    @classmethod
    def current(cls):
        return cls.objects.order_by("-version").first()

    @classmethod
    def snapshot(cls):
        """The statements as editors have them now, in answering order: grouped by feature in
        the features' order, then by each statement's own order."""
        rows = Statement.objects.select_related("feature").order_by("feature__sort_order", "sort_order", "pk")
        return [{"feature": s.feature.slug, "text": s.text, "guidance": s.guidance, "source": s.source} for s in rows]

    @classmethod
    def record(cls):
        """Freeze the statements as a new version if they differ from the newest one."""
        with transaction.atomic():
            statements = cls.snapshot()
            latest = cls.objects.select_for_update().order_by("-version").first()
            if latest is not None and latest.statements == statements:
                return latest
            created = cls.objects.create(version=(latest.version + 1) if latest else 1, statements=statements)
            # Public pages now read differently (the form, and "the statements have changed" on old
            # results): move the findable-content token, which anything caching pages keys on.
            FindableVersion.bump()
            return created
