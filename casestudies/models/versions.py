"""Published versions: one numbered row per publication of a citable page (a case study), with
the revision it published and the editor's one-line summary. Versions are never renumbered or
reused; `/cs/<id>/v/<n>/` shows version n. Only published revisions ever get a number, so drafts
and unpublished revisions have no versioned link."""

from django.db import models, transaction
from django.db.models.deletion import ProtectedError
from wagtail.models import Page, Revision

CHANGE_SUMMARY_MAX_LENGTH = 200


def protect_published_text(collector, field, sub_objs, using):
    """PROTECT a version's revision (so `purge_revisions`, which skips protected revisions, keeps
    every version's text), except when the version's page is deleted in the same operation."""
    deleted_pages = {obj.pk for model, objs in collector.data.items() if issubclass(model, Page) for obj in objs}
    kept = [version for version in sub_objs if version.page_id not in deleted_pages]
    if kept:
        raise ProtectedError("A published version keeps this revision's text.", kept)


class PublishedVersion(models.Model):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="published_versions")
    number = models.PositiveIntegerField()
    revision = models.ForeignKey(Revision, on_delete=protect_published_text, related_name="+")
    published_at = models.DateTimeField()
    summary = models.CharField(max_length=CHANGE_SUMMARY_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["page", "number"]
        constraints = [models.UniqueConstraint(fields=["page", "number"], name="one_number_per_page_version")]

    def __str__(self):
        return f"{self.page_id} v{self.number}"

    @classmethod
    def record(cls, page, revision, published_at, summary=""):
        """Number the publication of `revision` (once: publishing the same revision again adds
        nothing)."""
        with transaction.atomic():
            latest = cls.objects.select_for_update().filter(page_id=page.pk).order_by("-number").first()
            if latest is not None and latest.revision_id == revision.pk:
                return latest
            return cls.objects.create(
                page_id=page.pk,
                number=(latest.number + 1) if latest else 1,
                revision=revision,
                published_at=published_at,
                summary=(summary or "").strip()[:CHANGE_SUMMARY_MAX_LENGTH],
            )
