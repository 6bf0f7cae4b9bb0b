from django.db import models


class CaseStudyVector(models.Model):
    """One passage of a live case study and its sentence embedding (casestudies/semantic/), one
    row per passage per model version, so a change of model rebuilds cleanly beside the old."""

    page = models.ForeignKey("casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="+")
    model_version = models.CharField(max_length=100)
    chunk = models.PositiveSmallIntegerField()
    passage = models.TextField()
    vector = models.BinaryField(help_text="float32, L2-normalised.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "model_version", "chunk"], name="one_vector_per_passage")
        ]
        indexes = [models.Index(fields=["model_version"])]

    def __str__(self):
        return f"{self.page_id} {self.model_version} #{self.chunk}"
