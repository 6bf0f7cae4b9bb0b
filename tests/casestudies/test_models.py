import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from casestudies.models import CaseStudyPage, PartnerOrganisation, PartnerType
from casestudies.rules import EARLIEST_YEAR, latest_year
from tests.factories import make_case_study


def errors_for(page):
    with pytest.raises(ValidationError) as excinfo:
        page.full_clean()
    return excinfo.value.message_dict


@pytest.mark.django_db
class TestCaseStudyValidation:
    def test_summary_longer_than_400_characters_is_refused(self, case_study):
        case_study.summary = "x" * 401
        assert "400" in errors_for(case_study)["summary"][0]

    def test_summary_of_exactly_400_characters_is_accepted(self, case_study):
        case_study.summary = "x" * 400
        case_study.full_clean()

    def test_summary_is_required(self, case_study):
        case_study.summary = ""
        assert "summary" in errors_for(case_study)

    def test_evidence_type_must_be_one_to_three(self, case_study):
        case_study.evidence_type = 4
        assert "evidence_type" in errors_for(case_study)

    def test_end_year_before_start_year_is_refused_with_both_years_named(self, case_study):
        case_study.start_year, case_study.end_year = 2020, 2018
        message = errors_for(case_study)["end_year"][0]
        assert "2018" in message and "2020" in message

    def test_same_start_and_end_year_is_accepted(self, case_study):
        case_study.start_year = case_study.end_year = 2020
        case_study.full_clean()

    def test_no_end_year_means_ongoing(self, case_study):
        case_study.start_year, case_study.end_year = 2019, None
        case_study.full_clean()
        assert case_study.is_ongoing

    @pytest.mark.parametrize("field", ["start_year", "end_year"])
    def test_years_before_the_sane_range_are_refused(self, case_study, field):
        setattr(case_study, field, EARLIEST_YEAR - 1)
        assert field in errors_for(case_study)

    @pytest.mark.parametrize("field", ["start_year", "end_year"])
    def test_years_after_the_sane_range_are_refused(self, case_study, field):
        case_study.start_year = None
        setattr(case_study, field, latest_year() + 1)
        assert field in errors_for(case_study)


@pytest.mark.django_db
class TestExternalId:
    def test_blank_external_id_is_filled_from_the_slug(self, index_page):
        page = CaseStudyPage(title="Languages for all", slug="languages-for-all", summary="s", evidence_type=1)
        index_page.add_child(instance=page)
        assert page.external_id == "languages-for-all"

    def test_external_id_does_not_follow_a_later_slug_change(self, case_study):
        original = case_study.external_id
        case_study.slug = "a-new-slug"
        case_study.save()
        case_study.refresh_from_db()
        assert case_study.external_id == original

    def test_changing_a_saved_external_id_is_refused(self, case_study):
        stored = case_study.external_id
        case_study.external_id = "something-else"
        assert stored in errors_for(case_study)["external_id"][0]

    def test_external_ids_are_unique(self, index_page, case_study):
        other = make_case_study(index_page)
        with pytest.raises(IntegrityError), transaction.atomic():
            CaseStudyPage.objects.filter(pk=other.pk).update(external_id=case_study.external_id)


@pytest.mark.django_db
class TestPartnerOrganisation:
    def test_names_are_unique_ignoring_case(self):
        PartnerOrganisation.objects.create(name="Kingston University", type=PartnerType.UNIVERSITY)
        duplicate = PartnerOrganisation(name="kingston  UNIVERSITY", type=PartnerType.UNIVERSITY)
        with pytest.raises(ValidationError) as excinfo:
            duplicate.full_clean()
        assert "Kingston University" in excinfo.value.message_dict["name"][0]

    def test_database_refuses_a_case_variant_duplicate(self):
        PartnerOrganisation.objects.create(name="Royal Holloway", type=PartnerType.UNIVERSITY)
        with pytest.raises(IntegrityError), transaction.atomic():
            PartnerOrganisation.objects.create(name="ROYAL HOLLOWAY", type=PartnerType.UNIVERSITY)

    def test_type_must_be_a_known_partner_type(self):
        with pytest.raises(ValidationError):
            PartnerOrganisation(name="Somewhere", type="spaceship").full_clean()

    def test_website_must_be_a_web_address(self):
        with pytest.raises(ValidationError):
            PartnerOrganisation(name="Somewhere", type="school", website="not a url").full_clean()
