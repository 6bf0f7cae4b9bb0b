"""Editors choose or create a partner organisation from the case-study form (Wagtail's snippet
chooser), never twice under two spellings; the importer's dry run names the ones it would add."""

import json

import pytest
from django.urls import reverse

from casestudies.models import PartnerOrganisation
from casestudies.models.organisations import normalised_name
from tests.editorial.test_import_admin import check, upload
from tests.factories import case_study_record

pytestmark = pytest.mark.django_db

CHOOSER = "wagtailsnippetchoosers_casestudies_partnerorganisation"
ROYAL_HOLLOWAY = {"name": "Royal Holloway, University of London", "type": "university", "region": "", "website": ""}


def test_the_same_organisation_spelt_another_way_has_one_normalised_name():
    assert normalised_name("Royal Holloway, University of London") == normalised_name(
        "royal  holloway university of london"
    )
    assert normalised_name("Arts & Minds Trust") == normalised_name("arts and minds trust")
    assert normalised_name("Kingston University") != normalised_name("Kingston College")


@pytest.mark.parametrize("client_fixture", ["editor_in_group_client", "moderator_client", "administrator_client"])
def test_every_editorial_role_creates_an_organisation_from_the_choosers_create_tab(request, client_fixture, index_page):
    client = request.getfixturevalue(client_fixture)
    chooser = client.get(reverse(f"{CHOOSER}:choose"))
    assert chooser.status_code == 200
    assert "Create a new organisation" in json.loads(chooser.content)["html"]
    response = client.post(reverse(f"{CHOOSER}:create"), ROYAL_HOLLOWAY)
    assert json.loads(response.content)["step"] == "chosen"
    assert PartnerOrganisation.objects.get().name == "Royal Holloway, University of London"


def test_a_second_spelling_of_an_organisation_is_refused_with_the_one_to_choose(editor_in_group_client):
    editor_in_group_client.post(reverse(f"{CHOOSER}:create"), ROYAL_HOLLOWAY)
    response = editor_in_group_client.post(
        reverse(f"{CHOOSER}:create"), {**ROYAL_HOLLOWAY, "name": "royal holloway university of london"}
    )
    data = json.loads(response.content)
    assert data["step"] == "reshow_creation_form"
    assert "“Royal Holloway, University of London” is already in the list" in data["htmlFragment"]
    assert PartnerOrganisation.objects.count() == 1


def test_editors_list_and_correct_organisations_in_the_admin(editor_in_group_client):
    organisation = PartnerOrganisation.objects.create(name="Kingston University", type="university")
    listing = editor_in_group_client.get(reverse("wagtailsnippets_casestudies_partnerorganisation:list"))
    assert listing.status_code == 200 and "Kingston University" in listing.content.decode()
    edit = reverse("wagtailsnippets_casestudies_partnerorganisation:edit", args=(organisation.pk,))
    assert editor_in_group_client.get(edit).status_code == 200
    # Editors may not delete one (it may be named by case studies): only administrators.
    delete = reverse("wagtailsnippets_casestudies_partnerorganisation:delete", args=(organisation.pk,))
    assert editor_in_group_client.get(delete).status_code in (302, 403)


def test_the_importer_reuses_an_organisation_spelt_another_way(index_page):
    from tests.factories import make_case_study

    PartnerOrganisation.objects.create(name="Royal Holloway, University of London", type="university")
    make_case_study(index_page, partners=[{"name": "royal holloway university of london", "type": "university"}])
    assert PartnerOrganisation.objects.count() == 1


def test_the_dry_run_names_the_organisations_the_import_would_create(editor_in_group_client, index_page):
    PartnerOrganisation.objects.create(name="Test University", type="university")
    records = [
        case_study_record(partners=[{"name": "test university", "type": "university"}]),
        case_study_record(partners=[{"name": "Brand New Academy", "type": "school"}]),
        case_study_record(partners=[{"name": "brand new academy", "type": "school"}]),
    ]
    page = editor_in_group_client.get(check(editor_in_group_client, upload(records))["Location"]).content.decode()
    page = " ".join(page.split())
    assert "It would add 1 new partner organisation to the list" in page
    assert "<li>Brand New Academy</li>" in page and "<li>test university</li>" not in page
    assert PartnerOrganisation.objects.count() == 1


def test_the_organisation_list_searches_by_name(editor_in_group_client):
    PartnerOrganisation.objects.create(name="Kingston University", type="university")
    PartnerOrganisation.objects.create(name="Brunel University", type="university")
    listing = editor_in_group_client.get(
        reverse("wagtailsnippets_casestudies_partnerorganisation:list"), {"q": "kingston"}
    ).content.decode()
    assert "Kingston University" in listing and "Brunel University" not in listing
