"""Hybrid search's cost at the bank's size (part of `benchmark_search`): the model's load time
and memory, and the listing's search with and without meaning, timed in the same run.

The synthetic case studies have no real vectors: each live case study without one gets
PASSAGES random unit vectors (the model's 384 dimensions) under the current model version, so
the comparison runs over as many rows as a real bank; the question is embedded for real. The
floor is lowered to -1 while timing, so that the semantic side always adds its full hundred
candidates (random vectors would otherwise stay below it): the worst case."""

import resource
import time

from django.core.management.base import CommandError
from django.test.utils import override_settings

from ..models import CaseStudyPage, CaseStudyVector
from ..semantic import ranking
from ..semantic.embedder import MODEL_VERSION, embedder

QUESTION = "getting more of our disadvantaged kids into good universities"
PASSAGES = 5


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def random_vectors(index, seed=1):
    import numpy

    rng = numpy.random.default_rng(seed)
    have = set(CaseStudyVector.objects.filter(model_version=MODEL_VERSION).values_list("page_id", flat=True))
    missing = [pk for pk in CaseStudyPage.objects.child_of(index).live().values_list("pk", flat=True) if pk not in have]
    for start in range(0, len(missing), 500):
        rows = []
        for pk in missing[start : start + 500]:
            vectors = rng.standard_normal((PASSAGES, ranking.DIMENSIONS)).astype(numpy.float32)
            vectors /= numpy.linalg.norm(vectors, axis=1, keepdims=True)
            rows += [
                CaseStudyVector(
                    page_id=pk, model_version=MODEL_VERSION, chunk=i, passage="(random)", vector=v.tobytes()
                )
                for i, v in enumerate(vectors)
            ]
        CaseStudyVector.objects.bulk_create(rows)
    return len(missing)


def load_model(out):
    """Timed first, before any search of the run loads it."""
    before, started = peak_rss_mb(), time.perf_counter()
    if embedder() is not None:
        out.write(
            f"Model load {time.perf_counter() - started:.2f} s; peak resident memory {before:.0f} MB before, "
            f"{peak_rss_mb():.0f} MB after"
        )


def run(out, index, client, timed, median, p95, repeat):
    model = embedder()
    if model is None:
        out.write("\nHybrid search: the model is off or could not load; nothing to time.")
        return
    out.write("\nHybrid search, the listing's q with and without meaning:")
    added = random_vectors(index)
    rows = CaseStudyVector.objects.filter(model_version=MODEL_VERSION).count()
    out.write(f"{added} case studies given random vectors; {rows} vectors in all")
    embeds = timed(lambda: model.embed([QUESTION]), repeat)
    out.write(f"{'question embedded':<22}{median(embeds):>10.1f}{p95(embeds):>9.1f}")
    params = {"q": QUESTION}
    figures = {}
    for name, enabled in (("keyword only", False), ("hybrid", True)):
        with override_settings(SEMANTIC_SEARCH_ENABLED=enabled):
            floor, ranking.FLOOR = ranking.FLOOR, -1.0
            try:
                if client.get(index.url, params).status_code != 200:
                    raise CommandError(f"q, {name}: {index.url} did not answer 200")
                figures[name] = timed(lambda: client.get(index.url, params), repeat)
            finally:
                ranking.FLOOR = floor
        out.write(f"{'q, ' + name:<22}{median(figures[name]):>10.1f}{p95(figures[name]):>9.1f}")
    ratio = median(figures["hybrid"]) / median(figures["keyword only"])
    out.write(f"hybrid / keyword only: {ratio:.2f}x (median); peak resident memory {peak_rss_mb():.0f} MB")


def ranking_at_scale(out, counts, timed, median, p95, repeat):
    """The semantic side alone (`ranking.ranked`: the cosine product, each case study's closest
    passage, the top hundred) over PASSAGES random unit vectors per case study, built in memory
    only (no pages), at each size in `counts`; the question's embedding is the one kept."""
    import numpy

    out.write("\nThe ranking by meaning alone, random vectors in memory (floor -1: a full hundred kept):")
    rng = numpy.random.default_rng(2)
    floor, ranking.FLOOR = ranking.FLOOR, -1.0
    try:
        for count in counts:
            matrix = rng.standard_normal((count * PASSAGES, ranking.DIMENSIONS), dtype=numpy.float32)
            matrix /= numpy.linalg.norm(matrix, axis=1, keepdims=True)
            pages = numpy.arange(1, count + 1, dtype=numpy.int64)
            stored = ranking.Stored(
                "", pages, numpy.arange(0, count * PASSAGES, PASSAGES), ["(random)"] * len(matrix), matrix
            )
            allowed = dict.fromkeys(pages.tolist())

            def rank(allowed=allowed, stored=stored):
                return ranking.ranked(QUESTION, allowed, stored)

            times = timed(rank, repeat + 1)[1:]  # the first call warms up
            out.write(
                f"{count:>7,} case studies ({len(matrix):,} vectors, {matrix.nbytes / 2**20:.0f} MB): "
                f"{median(times):.1f} ms median, {p95(times):.1f} ms p95"
            )
    finally:
        ranking.FLOOR = floor


def embedding_throughput(out):
    """Real passages: those of the bank's case studies that are not synthetic (the demo content),
    embedded in the task's batches, as `vectors.store_vectors` does."""
    from ..semantic.passages import passages
    from ..semantic.vectors import BATCH
    from .synthetic import PREFIX

    model = embedder()
    pages = CaseStudyPage.objects.live().public().exclude(external_id__startswith=PREFIX)
    texts = [text for page in pages for text in passages(page)]
    if model is None or not texts:
        return
    tokens = sum(model.count_tokens(text) for text in texts)
    started = time.perf_counter()
    for start in range(0, len(texts), BATCH):
        model.embed(texts[start : start + BATCH])
    elapsed = time.perf_counter() - started
    out.write(
        f"\nEmbedding: {len(texts)} passages of {len(pages)} demo case studies ({tokens / len(texts):.0f} tokens on "
        f"average) in {elapsed:.1f} s, {len(texts) / elapsed:.1f} passages a second (batches of {BATCH}); "
        f"peak resident memory {peak_rss_mb():.0f} MB"
    )


def import_with_embedding(out, records):
    """`import_casestudies --publish` of `records` synthetic records with embedding on publish (the
    task backend of the settings in use: immediate in development), then the records deleted."""
    import json
    import os
    import tempfile
    from pathlib import Path

    from django.core.management import call_command

    from .synthetic import PREFIX, synthetic_document

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(synthetic_document(records), f)
    try:
        with override_settings(SEMANTIC_EMBED_ON_PUBLISH=True), open(os.devnull, "w") as devnull:
            started, cpu = time.perf_counter(), time.process_time()
            call_command("import_casestudies", f.name, "--publish", stdout=devnull, stderr=devnull)
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        imported = CaseStudyPage.objects.filter(external_id__startswith=PREFIX)
        vectors = CaseStudyVector.objects.filter(page__in=imported, model_version=MODEL_VERSION).count()
        out.write(
            f"\nImport with embedding: {records} records imported and published, {vectors} passages embedded, "
            f"in {elapsed:.1f} s wall ({cpu:.1f} s CPU), {1000 * elapsed / records:.0f} ms per record"
        )
    finally:
        Path(f.name).unlink()
        CaseStudyPage.objects.filter(external_id__startswith=PREFIX).delete()
