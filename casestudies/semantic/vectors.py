"""The stored vectors: computed by the task worker when a case study is published (immediately
in development and tests), removed when it is unpublished or deleted (the rows go with the page)."""

from django.db import transaction
from django_tasks import task

from ..models.case_study import CaseStudyPage
from ..models.findable import FindableVersion
from ..models.vectors import CaseStudyVector
from .embedder import MODEL_VERSION, embedder
from .passages import passages

BATCH = 8


def store_vectors(page_id):
    """Embed the live, public case study `page_id`, or remove its vectors when it is not (any
    more) live and public. Drafts are never read: the live page is. Moves the findable-content
    token, so the searches and pages kept for the old vectors are not served again."""
    page = CaseStudyPage.objects.published().filter(pk=page_id).first()
    model = embedder() if page is not None else None
    if page is not None and model is None:
        return  # no model here: nothing to store (the search is by keyword alone)
    rows = []
    if page is not None:
        texts = passages(page)
        for start in range(0, len(texts), BATCH):
            for offset, vector in enumerate(model.embed(texts[start : start + BATCH])):
                chunk = start + offset
                rows.append(
                    CaseStudyVector(
                        page_id=page_id,
                        model_version=MODEL_VERSION,
                        chunk=chunk,
                        passage=texts[chunk],
                        vector=vector.tobytes(),
                    )
                )
    with transaction.atomic():
        removed, _ = CaseStudyVector.objects.filter(page_id=page_id).delete()
        CaseStudyVector.objects.bulk_create(rows)
        if rows or removed:
            FindableVersion.bump(page_id=page_id)


@task()
def embed_case_study(page_id):
    store_vectors(page_id)


def remove_vectors(page_id):
    CaseStudyVector.objects.filter(page_id=page_id).delete()


def rebuild_all(out=None):
    """Every live, public case study embedded again; every other vector removed."""
    live = list(CaseStudyPage.objects.published().values_list("pk", flat=True))
    CaseStudyVector.objects.exclude(page_id__in=live, model_version=MODEL_VERSION).delete()
    for done, page_id in enumerate(live, 1):
        store_vectors(page_id)
        if out is not None:
            out.write(f"{done}/{len(live)}\n")
    return len(live)
