"""Synthetic case studies in bulk, for the search benchmark and large-listing tests.

Pages are written with bulk inserts (Django cannot bulk_create a multi-table model, so the
Page rows and the CaseStudyPage rows go in as two inserts), then added to the search index
with the backend's add_bulk. Every page is live and public. Never used by the site itself.
"""

import datetime
import json
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from .interchange import CANONICAL_SLUGS
from .models import (
    Barrier,
    CaseStudyFeatureEvidence,
    CaseStudyPage,
    CaseStudyPartner,
    FindableVersion,
    ImpactMeasure,
    PartnerOrganisation,
    Phase,
    PolicyLever,
    Purpose,
    Region,
    SuccessFeature,
)

PLACES = ["Hounslow", "Leeds", "Bradford", "Sunderland", "Plymouth", "Norwich", "Stoke", "Oldham", "Derby",
          "Luton", "Swansea", "Dundee", "Belfast", "Hastings", "Blackpool", "Ipswich", "Wigan", "Peterborough"]
SUBJECTS = ["modern languages", "French", "German", "Spanish", "physics", "computing", "engineering", "music",
            "early reading", "mathematics", "chemistry", "history", "creative writing", "STEM"]
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


def generate(index_page, count, seed=1, batch=500):
    """Create `count` published case studies under `index_page`; return how many were made."""
    rng = random.Random(seed)
    terms = {
        "feature": list(SuccessFeature.objects.all()), "lever": list(PolicyLever.objects.all()),
        "purpose": list(Purpose.objects.all()), "phase": list(Phase.objects.all()),
        "region": list(Region.objects.all()), "barrier": list(Barrier.objects.all()),
    }
    organisations = organisation_pool(rng)
    made = 0
    while made < count:
        size = min(batch, count - made)
        with transaction.atomic():
            pages = insert_pages(index_page, size, rng, terms)
            insert_relations(pages, rng, terms, organisations)
        index_pages([page.pk for page in pages])
        made += size
    FindableVersion.bump()  # bulk inserts send no publish signals
    return made


def organisation_pool(rng):
    names = [f"{p} {place} {kind}" for p in ORG_PREFIXES for place in PLACES[:6]
             for kind in ("Academy Trust", "University", "College", "Primary School")]
    existing = {o.name.lower(): o for o in PartnerOrganisation.objects.all()}
    missing = [n for n in names if n.lower() not in existing]
    kinds = {"Academy Trust": "mat", "University": "university", "College": "fe-college", "Primary School": "school"}
    PartnerOrganisation.objects.bulk_create(
        PartnerOrganisation(name=n, type=next(v for k, v in kinds.items() if n.endswith(k))) for n in missing
    )
    return list(PartnerOrganisation.objects.filter(name__in=names))


def insert_pages(index_page, size, rng, terms):
    index_page = Page.objects.get(pk=index_page.pk)
    content_type = ContentType.objects.get_for_model(CaseStudyPage)
    start = index_page.numchild
    now = timezone.now()
    bases, details = [], []
    for i in range(size):
        n = start + i + 1
        place, subject = rng.choice(PLACES), rng.choice(SUBJECTS)
        aim = rng.choice(AIMS).format(subject=subject)
        title = f"{place}: {aim[0].upper()}{aim[1:]}"[:250]
        slug = f"synthetic-{n}-{uuid.uuid4().hex[:6]}"
        published = now - datetime.timedelta(days=rng.randint(0, 3650), minutes=n)
        bases.append(Page(
            title=title, draft_title=title, slug=slug, content_type=content_type,
            path=Page._get_path(index_page.path, index_page.depth + 1, n), depth=index_page.depth + 1, numchild=0,
            url_path=f"{index_page.url_path}{slug}/", live=True, has_unpublished_changes=False,
            first_published_at=published, last_published_at=published, locale_id=index_page.locale_id,
            translation_key=uuid.uuid4(),
        ))
        body = " ".join(rng.sample(SENTENCES, 4))
        start_year = rng.randint(2003, 2025)
        details.append(dict(
            summary=f"Schools and a university in {place} worked on {aim}. {rng.choice(SENTENCES)}"[:400],
            story=json.dumps([{"type": "paragraph", "value": f"<p>{p}</p>", "id": str(uuid.uuid4())}
                              for p in (body, " ".join(rng.sample(SENTENCES, 3)))]),
            region_id=rng.choice(terms["region"]).pk, local_authority=place, start_year=start_year,
            end_year=rng.choice([None, None, min(start_year + rng.randint(1, 6), 2030)]),
            status=rng.choice(CANONICAL_SLUGS["status"]), formality=rng.choice(CANONICAL_SLUGS["formality"]),
            funding_model=rng.choice(CANONICAL_SLUGS["funding_model"]), evidence_type=rng.choice([1, 1, 2, 2, 3]),
            evidence_note="Trust records and a partner's evaluation.", advice=rng.choice(SENTENCES),
            barriers_note=rng.choice(SENTENCES), external_id=slug,
        ))
    Page.objects.bulk_create(bases)
    rows = [CaseStudyPage(page_ptr_id=base.pk, **detail) for base, detail in zip(bases, details)]
    fields = [f for f in CaseStudyPage._meta.local_concrete_fields]
    CaseStudyPage._base_manager._insert(rows, fields=fields)  # the child half of a multi-table insert
    Page.objects.filter(pk=index_page.pk).update(numchild=start + size)
    return bases


def insert_relations(pages, rng, terms, organisations):
    through = {
        "lever": (CaseStudyPage.policy_levers.through, "policylever_id"),
        "purpose": (CaseStudyPage.purposes.through, "purpose_id"),
        "phase": (CaseStudyPage.phases.through, "phase_id"),
        "barrier": (CaseStudyPage.barriers.through, "barrier_id"),
    }
    rows = {key: [] for key in through}
    features, partners, measures = [], [], []
    for page in pages:
        for key, (model, column) in through.items():
            for term in rng.sample(terms[key], rng.randint(1, 2 if key != "phase" else 3)):
                rows[key].append(model(casestudypage_id=page.pk, **{column: term.pk}))
        for order, feature in enumerate(rng.sample(terms["feature"], rng.randint(1, 3))):
            features.append(CaseStudyFeatureEvidence(page_id=page.pk, feature=feature, sort_order=order,
                                                     evidence=rng.choice(SENTENCES)))
        for order, organisation in enumerate(rng.sample(organisations, rng.randint(2, 3))):
            partners.append(CaseStudyPartner(page_id=page.pk, organisation=organisation, sort_order=order,
                                             is_lead=order == 0, role="Delivery"))
        measures.append(ImpactMeasure(page_id=page.pk, measure="Pupils progressing to higher education",
                                      baseline=str(rng.randint(5, 30)), result=str(rng.randint(20, 60)), sort_order=0))
    for key, (model, _) in through.items():
        model.objects.bulk_create(rows[key])
    CaseStudyFeatureEvidence.objects.bulk_create(features)
    CaseStudyPartner.objects.bulk_create(partners)
    ImpactMeasure.objects.bulk_create(measures)


def index_pages(pks):
    pages = CaseStudyPage.objects.filter(pk__in=pks).prefetch_related(
        "partners__organisation", "feature_evidence", "impact_measures", "barriers", "purposes"
    )
    get_search_backend().add_bulk(CaseStudyPage, list(pages))
