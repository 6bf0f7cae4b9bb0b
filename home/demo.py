"""Builds the demo site: the page tree, the standard pages, the demo case studies and the demo
reading lists."""

import json
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from casestudies.interchange import import_records, plain_to_rich_text
from casestudies.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    PartnerOrganisation,
    ReadingListIndexPage,
    ReadingListItem,
    ReadingListPage,
)

from .models import HomePage, StandardPage

DEMO_DIR = Path(__file__).resolve().parent / "demo_content"

HOME_INTRO = (
    "<p>The Partnership Evidence Bank collects case studies of schools, trusts and universities "
    "working together, tagged by the five features that an essay on university–trust collaboration "
    "finds in its authors' successful partnerships, and by the four policy levers that essay proposes "
    "to encourage more of them. It is for trust leaders choosing a partnership model, trainers "
    "linking evidence into leadership courses, and editors building the evidence base.</p>"
)
# Earlier wordings of HOME_INTRO: a demo home page still reading one of them is brought up to date.
EARLIER_HOME_INTROS = (
    "<p>The Partnership Evidence Bank collects case studies of schools, trusts and universities "
    "working together, tagged by the five features of successful partnerships and the four policy "
    "levers that encourage them. It is for trust leaders choosing a partnership model, trainers "
    "linking evidence into leadership courses, and editors building the evidence base.</p>",
)
INDEX_INTRO = (
    "<p>Every case study says who did what, what it cost where known, what evidence there is "
    "and where it comes from.</p>"
)


@transaction.atomic
def build_page_tree():
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's first migration creates a placeholder "Welcome" page that the site points at.
        Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
        home = root.add_child(instance=HomePage(title="Partnership Evidence Bank", slug="home", intro=HOME_INTRO))
    elif str(home.intro) in EARLIER_HOME_INTROS and not home.has_unpublished_changes:
        home.intro = HOME_INTRO
        home.save_revision().publish()
    # The site's address comes from WAGTAILADMIN_BASE_URL, so citations and canonical links work.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.root_page = home
    site.site_name = "Partnership Evidence Bank"
    site.save()
    index = CaseStudyIndexPage.get_solo()
    if index is None:
        index = home.add_child(
            instance=CaseStudyIndexPage(title="Case studies", slug="case-studies", intro=INDEX_INTRO)
        )
    return home, index


def stream_content(stream):
    """A StreamField's blocks as (type, value) pairs, ignoring block ids, for comparison."""
    return [(b["type"], b["value"]) for b in stream.raw_data]


def load_standard_pages(home):
    """Create each demo page that is missing, and publish a new revision of one whose title,
    introduction or body differs from the demo file (so corrections reach an existing demo site)."""
    outcomes = []
    pages = json.loads((DEMO_DIR / "pages.json").read_text(encoding="utf-8"))["pages"]
    for data in pages:
        body = [
            ("heading", {"text": b["text"], "level": "h2"})
            if b["type"] == "heading"
            else ("paragraph", plain_to_rich_text(b["text"]))
            for b in data["body"]
        ]
        intro = plain_to_rich_text(data.get("intro", ""))
        wanted = StandardPage(title=data["title"], slug=data["slug"], intro=intro, body=body)
        page = StandardPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if page is None:
            home.add_child(instance=wanted)
            wanted.save_revision().publish()
            outcomes.append((data["slug"], "created"))
            continue
        current = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
        if (current.title, str(current.intro), stream_content(current.body)) == (
            wanted.title,
            str(wanted.intro),
            stream_content(wanted.body),
        ):
            outcomes.append((data["slug"], "unchanged"))
            continue
        current.title, current.intro, current.body = wanted.title, wanted.intro, wanted.body
        current.save_revision().publish()
        outcomes.append((data["slug"], "updated"))
    return outcomes


# Partner organisations the demo once named differently from their source: renamed in place on
# an existing demo site, so the case studies keep one record each (docs/evidence-audit.md).
RENAMED_ORGANISATIONS = {"Reach Feltham": "Reach in Feltham"}


def rename_organisations():
    for old, new in RENAMED_ORGANISATIONS.items():
        if not PartnerOrganisation.objects.filter(name__iexact=new).exists():
            for organisation in PartnerOrganisation.objects.filter(name__iexact=old):
                organisation.name = new
                organisation.save()


def load_case_studies(index):
    document = json.loads((DEMO_DIR / "case_studies.json").read_text(encoding="utf-8"))
    rename_organisations()
    return import_records(document["case_studies"], index, publish=True)


def withdraw_case_studies():
    """Unpublish demo case studies that the sources turned out not to support (each with its
    reason in demo_content/withdrawn.json); returns the external ids unpublished by this run."""
    document = json.loads((DEMO_DIR / "withdrawn.json").read_text(encoding="utf-8"))
    ids = [item["external_id"] for item in document["withdrawn"]]
    withdrawn = []
    for page in CaseStudyPage.objects.live().filter(external_id__in=ids).order_by("external_id"):
        page.unpublish()
        withdrawn.append(page.external_id)
    return withdrawn


def reading_list_index(home, data):
    index = ReadingListIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=ReadingListIndexPage(
                title=data["title"], slug=data["slug"], intro=plain_to_rich_text(data["intro"])
            )
        )
        index.save_revision().publish()
    return index


def list_content(page):
    """What the demo file sets on a reading list, for comparison."""
    items = [(i.case_study_id, i.note, i.discussion_questions) for i in page.items.all()]
    return (page.title, page.audience, page.introduction, items)


def load_reading_lists(home):
    """Create each demo reading list that is missing, and publish a new revision of one that
    differs from the demo file. Items name their case studies by external id (loaded first)."""
    document = json.loads((DEMO_DIR / "reading_lists.json").read_text(encoding="utf-8"))
    index = reading_list_index(home, document["index"])
    case_studies = dict(CaseStudyPage.objects.values_list("external_id", "pk"))
    outcomes = []
    for data in document["reading_lists"]:
        items = [
            ReadingListItem(
                case_study_id=case_studies[item["case_study"]],
                note=item["note"],
                discussion_questions="\n".join(item["discussion_questions"]),
                sort_order=n,
            )
            for n, item in enumerate(data["items"])
        ]
        fields = {"title": data["title"], "audience": data["audience"], "introduction": data["introduction"]}
        page = ReadingListPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if page is None:
            page = ReadingListPage(slug=data["slug"], live=False, **fields)
            page.items = items
            index.add_child(instance=page)
            page.save_revision().publish()
            outcomes.append((data["slug"], "created"))
            continue
        current = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
        wanted = (fields["title"], fields["audience"], fields["introduction"])
        wanted_items = [(i.case_study_id, i.note, i.discussion_questions) for i in items]
        if list_content(current) == (*wanted, wanted_items):
            outcomes.append((data["slug"], "unchanged"))
            continue
        for name, value in fields.items():
            setattr(current, name, value)
        current.items = items
        current.save_revision().publish()
        outcomes.append((data["slug"], "updated"))
    return outcomes
