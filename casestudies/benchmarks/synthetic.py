"""Synthetic case studies, as interchange records: the one generator behind the search
benchmark (written in bulk by `bulk.py`), the import benchmark (written as a file) and the
large-listing tests. Never used by the site itself."""

import random

from ..interchange import CANONICAL_SLUGS, SCHEMA_VERSION

PREFIX = "synthetic-"
PLACES = [
    "Hounslow",
    "Leeds",
    "Bradford",
    "Sunderland",
    "Plymouth",
    "Norwich",
    "Stoke",
    "Oldham",
    "Derby",
    "Luton",
    "Swansea",
    "Dundee",
    "Belfast",
    "Hastings",
    "Blackpool",
    "Ipswich",
    "Wigan",
    "Peterborough",
]
SUBJECTS = [
    "modern languages",
    "French",
    "German",
    "Spanish",
    "physics",
    "computing",
    "engineering",
    "music",
    "early reading",
    "mathematics",
    "chemistry",
    "history",
    "creative writing",
    "STEM",
]
AIMS = [
    "a local route into teaching for parents and teaching assistants",
    "A-level {subject} for students whose schools cannot run the course",
    "widening participation in higher education for first-generation students",
    "research engagement for teachers through joint enquiry projects",
    "professional development (CPD) for middle leaders across the trust",
    "support for pupils with special educational needs (SEND) in transition",
    "summer schools and campus visits that raise aspiration in {subject}",
    "mentoring by undergraduates for pupils eligible for free school meals",
    "a shared early-career researcher programme placing academics in classrooms",
    "family learning and early years support in community hubs",
]
SENTENCES = [
    "The trust recruited pupils and ran the sessions; the university assessed progress and opened its labs.",
    "Teachers who knew the pupils chose who would benefit most, which kept drop-out low.",
    "A joint board met each term to review targets agreed in the access and participation plan.",
    "Funding came from core budgets at first and later from a time-limited grant.",
    "Undergraduate ambassadors led taster days and kept in touch with pupils through the year.",
    "The local authority convened heads and the university's outreach team at the start.",
    "Staff time was the hardest barrier: release for training had to be planned a year ahead.",
    "Outcomes were tracked with HEAT so that no partner marked its own homework.",
    "Parents trusted the school, and the university added the gravitas that made the offer exciting.",
    "Timetables rarely lined up, so sessions ran after school and in the holidays.",
    "The programme grew from one academy to every secondary school in the trust within three years.",
    "An evaluation compared participants with a matched group from neighbouring schools.",
]
ORG_PREFIXES = ["North", "South", "East", "West", "City", "Riverside", "Valley", "Coastal", "Royal", "New"]
ORG_KINDS = {"Academy Trust": "mat", "University": "university", "College": "fe-college", "Primary School": "school"}
ORGANISATIONS = [
    (f"{prefix} {place} {kind}", type_slug)
    for prefix in ORG_PREFIXES
    for place in PLACES[:6]
    for kind, type_slug in ORG_KINDS.items()
]


def synthetic_record(n, rng):
    """Case study number `n`, drawn from `rng`: a complete, valid, published interchange record."""

    def some(facet, low, high):
        return rng.sample(CANONICAL_SLUGS[facet], rng.randint(low, high))

    place, subject = rng.choice(PLACES), rng.choice(SUBJECTS)
    aim = rng.choice(AIMS).format(subject=subject)
    start_year = rng.randint(2003, 2025)
    partners = rng.sample(ORGANISATIONS, rng.randint(2, 3))
    return {
        "external_id": f"{PREFIX}{n}",
        "title": f"{place}: {aim[0].upper()}{aim[1:]}"[:250],
        "summary": f"Schools and a university in {place} worked on {aim}. {rng.choice(SENTENCES)}"[:400],
        "story": [{"type": "paragraph", "text": " ".join(rng.sample(SENTENCES, k))} for k in (4, 3)],
        "partners": [
            {"name": name, "type": type_slug, "role": "Delivery", "lead": i == 0}
            for i, (name, type_slug) in enumerate(partners)
        ],
        "success_features": [
            {"feature": slug, "evidence": rng.choice(SENTENCES)} for slug in some("success_features", 1, 3)
        ],
        "policy_levers": some("policy_levers", 1, 2),
        "purposes": some("purposes", 1, 2),
        "phases": some("phases", 1, 3),
        "barriers": some("barriers", 1, 2),
        "region": rng.choice(CANONICAL_SLUGS["region"]),
        "local_authority": place,
        "start_year": start_year,
        "end_year": rng.choice([None, None, min(start_year + rng.randint(1, 6), 2030)]),
        "status": rng.choice(CANONICAL_SLUGS["status"]),
        "formality": rng.choice(CANONICAL_SLUGS["formality"]),
        "funding_model": rng.choice(CANONICAL_SLUGS["funding_model"]),
        "evidence_type": rng.choice([1, 1, 2, 2, 3]),
        "evidence_note": "Trust records and a partner's evaluation.",
        "advice": rng.choice(SENTENCES),
        "barriers_note": rng.choice(SENTENCES),
        "impact_measures": [
            {
                "measure": "Pupils progressing to higher education",
                "baseline": str(rng.randint(5, 30)),
                "result": str(rng.randint(20, 60)),
            }
        ],
        "sources": [
            {"title": f"Report {n}", "url": f"https://example.org/report-{n}", "publisher": "Example", "year": 2024}
        ],
        "publish": True,
    }


def synthetic_records(count, seed=1, first=1):
    rng = random.Random(seed)
    return [synthetic_record(n, rng) for n in range(first, first + count)]


def synthetic_document(count, seed=1):
    return {"schema_version": SCHEMA_VERSION, "case_studies": synthetic_records(count, seed)}
