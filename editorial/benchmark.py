"""Synthetic interchange files for timing the importer."""

import random

from casestudies.interchange import CANONICAL_SLUGS, SCHEMA_VERSION

PREFIX = "benchmark-"


def synthetic_record(n, rng):
    def some(facet, k):
        return rng.sample(CANONICAL_SLUGS[facet], k)

    paragraphs = [
        f"Paragraph {p} of case {n}: the partners met each term, shared data and agreed what each would do. " * 4
        for p in range(6)
    ]
    return {
        "external_id": f"{PREFIX}{n:05d}",
        "title": f"Benchmark partnership {n}: a school and university working together",
        "summary": f"Synthetic case study {n} used to time the importer.",
        "body": "\n\n".join(paragraphs),
        "partners": [
            {"name": f"Benchmark University {rng.randrange(40)}", "type": "university", "role": "Research", "lead": True},
            {"name": f"Benchmark Academy {rng.randrange(200)}", "type": "school", "role": "Teaching"},
        ],
        "success_features": [{"feature": f, "evidence": f"How case {n} shows {f}."} for f in some("success_features", 2)],
        "policy_levers": some("policy_levers", 1),
        "purposes": some("purposes", 2),
        "phases": some("phases", 2),
        "region": rng.choice(CANONICAL_SLUGS["region"]),
        "start_year": rng.randrange(2000, 2024),
        "status": rng.choice(CANONICAL_SLUGS["status"]),
        "evidence_type": rng.choice([1, 2, 3]),
        "evidence_note": "Synthetic.",
        "impact_measures": [{"measure": "Pupils taking part", "baseline": "0", "result": str(rng.randrange(500))}],
        "barriers": some("barriers", 2),
        "sources": [{"title": f"Report {n}", "url": f"https://example.org/report-{n}", "publisher": "Example", "year": 2024}],
        "publish": True,
    }


def synthetic_document(count, seed=1):
    rng = random.Random(seed)
    return {"schema_version": SCHEMA_VERSION, "case_studies": [synthetic_record(n, rng) for n in range(count)]}
