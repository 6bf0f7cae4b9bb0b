import json

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from casestudies.models import CaseStudyPage, PartnerOrganisation
from home.demo import DEMO_DIR
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_loaded(db):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))


def demo_records():
    return json.loads((DEMO_DIR / "case_studies.json").read_text())["case_studies"]


def test_demo_content_publishes_every_demo_case_study(demo_loaded):
    ids = {r["external_id"] for r in demo_records()}
    assert len(ids) >= 11
    assert set(CaseStudyPage.objects.live().values_list("external_id", flat=True)) == ids


def test_demo_covers_every_case_study_named_in_the_domain_brief(demo_loaded):
    """As a case study, or (where no passage shows a success feature at work) as practice
    described in the sources on a feature's page."""
    from casestudies.models import SuccessFeature

    titles = " ".join(CaseStudyPage.objects.live().values_list("title", flat=True)).lower()
    titles += " ".join(SuccessFeature.objects.values_list("practice_notes", flat=True)).lower()
    for name in (
        "kingston",
        "languages for all",
        "joining the dots",
        "convening partnership",
        "aimhigher",
        "early-career researchers",
        "reach out lab",
        "birmingham",
        "public engagement group",
        "teaching scotland",
        "heat",
    ):
        assert name in titles, name


def test_every_demo_case_study_credits_its_source(demo_loaded):
    for page in CaseStudyPage.objects.all():
        assert page.sources.exists(), page.external_id


def test_demo_builds_about_methodology_and_contribute_pages(demo_loaded):
    assert set(StandardPage.objects.live().values_list("slug", flat=True)) >= {"about", "methodology", "contribute"}
    methodology = StandardPage.objects.get(slug="methodology")
    text = str(methodology.body).lower()
    for phrase in ("shared governance", "inspection", "type 3"):
        assert phrase in text


def test_running_the_demo_loader_twice_changes_nothing(demo_loaded):
    counts = (Page.objects.count(), Revision.objects.count(), PartnerOrganisation.objects.count())
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert (Page.objects.count(), Revision.objects.count(), PartnerOrganisation.objects.count()) == counts


def test_second_run_reports_every_case_study_unchanged(demo_loaded, capsys):
    call_command("load_demo_content")
    out = capsys.readouterr().out
    assert f"0 created, 0 updated, {len(demo_records())} unchanged, 0 failed" in out


def test_partner_organisations_shared_between_case_studies_are_stored_once(demo_loaded):
    reach = PartnerOrganisation.objects.filter(name__iexact="Reach in Feltham")
    assert reach.count() == 1
    assert reach.get().partnerships.values("page").distinct().count() >= 3


def test_the_content_quality_report_lists_no_demo_case_study(demo_loaded):
    from editorial.quality import quality_rows

    assert quality_rows() == []


def test_every_demo_status_reads_as_of_the_year_its_source_describes(demo_loaded, client):
    for page in CaseStudyPage.objects.exclude(status=""):
        assert page.reported_year in (2014, 2024), page.external_id
        html = client.get(page.url).content.decode()
        if page.status == "not-reported":
            assert f"Status not reported in the {page.reported_year} source" in html, page.external_id
        else:
            assert f"{page.get_status_display()}, as reported in {page.reported_year}" in html, page.external_id


def test_every_demo_source_is_credited_with_a_year_and_an_author(demo_loaded):
    for page in CaseStudyPage.objects.all():
        for source in page.sources.all():
            assert source.year and source.author_names, (page.external_id, source.title)


def test_a_second_run_updates_records_and_pages_changed_since_then_changes_nothing(demo_loaded, capsys):
    """An existing demo site gets the corrected content as new revisions, once."""
    page = CaseStudyPage.objects.get(external_id="kingston-reach-foundation-degrees")
    page.evidence_type = 2  # as the demo stood before the evidence audit
    page.save_revision().publish()
    methodology = StandardPage.objects.get(slug="methodology")
    methodology.title = "An older title"
    methodology.save_revision().publish()
    revisions = Revision.objects.count()
    capsys.readouterr()
    call_command("load_demo_content")
    out = capsys.readouterr().out
    assert "methodology updated" in out
    assert f"0 created, 1 updated, {len(demo_records()) - 1} unchanged, 0 failed" in out
    assert Revision.objects.count() == revisions + 2
    assert CaseStudyPage.objects.get(pk=page.pk).evidence_type == 1
    assert StandardPage.objects.get(pk=methodology.pk).title != "An older title"
    call_command("load_demo_content")
    out = capsys.readouterr().out
    assert "methodology unchanged" in out and "0 created, 0 updated" in out


def demo_reading_lists():
    return json.loads((DEMO_DIR / "reading_lists.json").read_text())["reading_lists"]


def test_demo_reading_lists_are_published_with_every_case_study_in_order(demo_loaded, client):
    from casestudies.models import ReadingListPage

    for data in demo_reading_lists():
        page = ReadingListPage.objects.live().public().get(slug=data["slug"])
        entries = page.entries()
        assert [cs.external_id for _, cs in entries if cs] == [i["case_study"] for i in data["items"]], data["slug"]
        html = client.get(page.url).content.decode()
        assert "No longer published" not in html
        assert page.title in html


def test_each_demo_reading_list_says_only_what_its_case_studies_show(demo_loaded):
    """A list's claim (the feature or barrier its introduction names, the source it draws on)
    holds for every case study on it: tags and sources come from the demo records, which cite
    the passages they rest on."""
    records = {r["external_id"]: r for r in demo_records()}
    for data in demo_reading_lists():
        claim = data["claim"]
        for item in data["items"]:
            record = records[item["case_study"]]
            if "feature" in claim:
                assert claim["feature"] in [f["feature"] for f in record["success_features"]], item
            if "barrier" in claim:
                assert claim["barrier"] in record.get("barriers", []), item
            if "source" in claim:
                assert claim["source"] in [s["title"] for s in record["sources"]], item


def test_each_demo_reading_list_credits_every_source_its_case_studies_draw_on(demo_loaded):
    records = {r["external_id"]: r for r in demo_records()}
    for data in demo_reading_lists():
        titles = {s["title"] for item in data["items"] for s in records[item["case_study"]]["sources"]}
        for title in titles:
            assert title in data["introduction"], (data["slug"], title)


def test_a_changed_demo_reading_list_is_republished_once(demo_loaded, capsys):
    from casestudies.models import ReadingListPage

    page = ReadingListPage.objects.get(slug="when-the-funding-ends")
    page.audience = "An older audience"
    page.save_revision().publish()
    capsys.readouterr()
    call_command("load_demo_content")
    assert "when-the-funding-ends updated" in capsys.readouterr().out
    assert ReadingListPage.objects.get(pk=page.pk).audience != "An older audience"
    revisions = Revision.objects.count()
    call_command("load_demo_content")
    assert "when-the-funding-ends unchanged" in capsys.readouterr().out
    assert Revision.objects.count() == revisions
