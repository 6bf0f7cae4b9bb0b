"""Start the count to deleting a submitter's details when their case study is decided."""

from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published, workflow_rejected

from .models import SubmitterContact


@receiver(page_published)
def published(sender, instance, **kwargs):
    SubmitterContact.objects.filter(page_id=instance.pk, decided_at__isnull=True).update(decided_at=timezone.now())


@receiver(workflow_rejected)
def rejected(sender, instance, **kwargs):
    SubmitterContact.objects.filter(page_id=instance.object_id, decided_at__isnull=True).update(
        decided_at=timezone.now()
    )
