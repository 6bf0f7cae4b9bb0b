"""Synthetic case studies written in bulk, for the search benchmark and large-listing tests.

Pages are written with bulk inserts (Django cannot bulk_create a multi-table model, so the
Page rows and the CaseStudyPage rows go in as two inserts), then added to the search index
with the backend's add_bulk. Every page is live and public. Publishing signals are not sent,
so the findable-content token is bumped at the end. Never used by the site itself.
"""

import datetime
import json
import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from ..interchange import plain_to_rich_text
from ..models import (
    Barrier,
    CaseStudyFeatureEvidence,
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyPartner,
    CaseStudySource,
    FindableVersion,
    ImpactMeasure,
    PartnerOrganisation,
    Phase,
    PolicyLever,
    Purpose,
    Region,
    SuccessFeature,
)
from ..models.organisations import normalised_name
from .synthetic import ORGANISATIONS, synthetic_records

LINKS = {  # interchange field -> (taxonomy, the case study's many-to-many relation)
    "policy_levers": (PolicyLever, "policy_levers"),
    "purposes": (Purpose, "purposes"),
    "phases": (Phase, "phases"),
    "barriers": (Barrier, "barriers"),
}


def ensure_case_studies(out, count, seed=1):
    """The case-study index, with synthetic case studies added until it holds `count`."""
    index_page = CaseStudyIndexPage.get_solo()
    if index_page is None:
        raise CommandError("There is no case-study index: run `manage.py load_demo_content` first.")
    have = CaseStudyPage.objects.child_of(index_page).count()
    if have < count:
        started = time.perf_counter()
        generate(index_page, count - have, seed=seed + have)
        out.write(f"Generated {count - have:,} case studies in {time.perf_counter() - started:.1f} s")
    return index_page


def generate(index_page, count, seed=1, batch=500):
    """Create `count` published synthetic case studies under `index_page`; return how many."""
    first = Page.objects.get(pk=index_page.pk).numchild + 1
    records = synthetic_records(count, seed=seed, first=first)
    rng = random.Random(seed)
    terms = {
        model: {t.slug: t.pk for t in model.objects.all()}
        for model in (SuccessFeature, PolicyLever, Purpose, Phase, Region, Barrier)
    }
    organisations = organisation_pool()
    for start in range(0, count, batch):
        chunk = records[start : start + batch]
        with transaction.atomic():
            pages = insert_pages(index_page, chunk, rng, terms)
            insert_relations(pages, chunk, terms, organisations)
        index_pages([page.pk for page in pages])
    FindableVersion.bump()  # bulk inserts send no publish signals
    return count


def organisation_pool():
    existing = {o.name.lower() for o in PartnerOrganisation.objects.all()}
    PartnerOrganisation.objects.bulk_create(
        PartnerOrganisation(name=name, name_key=normalised_name(name), type=type_slug)
        for name, type_slug in ORGANISATIONS
        if name.lower() not in existing
    )
    return {o.name: o.pk for o in PartnerOrganisation.objects.filter(name__in=[n for n, _ in ORGANISATIONS])}


def insert_pages(index_page, records, rng, terms):
    index_page = Page.objects.get(pk=index_page.pk)
    content_type = ContentType.objects.get_for_model(CaseStudyPage)
    start, now = index_page.numchild, timezone.now()
    bases, details = [], []
    for i, record in enumerate(records):
        n = start + i + 1
        slug = f"{record['external_id']}-{uuid.uuid4().hex[:6]}"
        published = now - datetime.timedelta(days=rng.randint(0, 3650), minutes=n)
        bases.append(
            Page(
                title=record["title"],
                draft_title=record["title"],
                slug=slug,
                content_type=content_type,
                path=Page._get_path(index_page.path, index_page.depth + 1, n),
                depth=index_page.depth + 1,
                numchild=0,
                url_path=f"{index_page.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                locale_id=index_page.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
        story = [
            {"type": "paragraph", "value": plain_to_rich_text(block["text"]), "id": str(uuid.uuid4())}
            for block in record["story"]
        ]
        details.append(
            dict(
                summary=record["summary"],
                story=json.dumps(story),
                region_id=terms[Region][record["region"]],
                local_authority=record["local_authority"],
                start_year=record["start_year"],
                end_year=record["end_year"],
                status=record["status"],
                formality=record["formality"],
                funding_model=record["funding_model"],
                evidence_type=record["evidence_type"],
                evidence_note=record["evidence_note"],
                advice=record["advice"],
                barriers_note=record["barriers_note"],
                external_id=slug,
            )
        )
    Page.objects.bulk_create(bases)
    rows = [CaseStudyPage(page_ptr_id=base.pk, **detail) for base, detail in zip(bases, details)]
    CaseStudyPage._base_manager._insert(rows, fields=CaseStudyPage._meta.local_concrete_fields)
    Page.objects.filter(pk=index_page.pk).update(numchild=start + len(records))
    return bases


def insert_relations(pages, records, terms, organisations):
    links = {field: [] for field in LINKS}
    features, partners, measures, sources = [], [], [], []
    for page, record in zip(pages, records):
        for field, (model, relation) in LINKS.items():
            through = getattr(CaseStudyPage, relation).through
            column = f"{model._meta.model_name}_id"
            links[field] += [
                through(casestudypage_id=page.pk, **{column: terms[model][slug]}) for slug in record[field]
            ]
        features += [
            CaseStudyFeatureEvidence(
                page_id=page.pk, feature_id=terms[SuccessFeature][f["feature"]], sort_order=i, evidence=f["evidence"]
            )
            for i, f in enumerate(record["success_features"])
        ]
        partners += [
            CaseStudyPartner(
                page_id=page.pk,
                organisation_id=organisations[p["name"]],
                sort_order=i,
                is_lead=p["lead"],
                role=p["role"],
            )
            for i, p in enumerate(record["partners"])
        ]
        measures += [ImpactMeasure(page_id=page.pk, sort_order=i, **m) for i, m in enumerate(record["impact_measures"])]
        sources += [CaseStudySource(page_id=page.pk, sort_order=i, **s) for i, s in enumerate(record["sources"])]
    for field, (_, relation) in LINKS.items():
        getattr(CaseStudyPage, relation).through.objects.bulk_create(links[field])
    for model, rows in (
        (CaseStudyFeatureEvidence, features),
        (CaseStudyPartner, partners),
        (ImpactMeasure, measures),
        (CaseStudySource, sources),
    ):
        model.objects.bulk_create(rows)


def index_pages(pks):
    pages = CaseStudyPage.objects.filter(pk__in=pks).prefetch_related(
        "partners__organisation", "feature_evidence", "impact_measures", "barriers", "purposes"
    )
    get_search_backend().add_bulk(CaseStudyPage, list(pages))
