import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from casestudies.interchange import CANONICAL_SLUGS
from casestudies.models import Barrier, Phase, PolicyLever, Purpose, Region, SuccessFeature

SEEDED = [
    (SuccessFeature, "success_features"),
    (PolicyLever, "policy_levers"),
    (Purpose, "purposes"),
    (Phase, "phases"),
    (Region, "region"),
    (Barrier, "barriers"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "facet"), SEEDED)
def test_migration_seeds_exactly_the_canonical_slugs_in_order(model, facet):
    assert list(model.objects.values_list("slug", flat=True)) == CANONICAL_SLUGS[facet]


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "facet"), SEEDED)
def test_every_seeded_term_has_a_name(model, facet):
    assert all(name.strip() for name in model.objects.values_list("name", flat=True))


@pytest.mark.django_db
def test_features_and_levers_have_explanations_for_their_pages():
    for term in [*SuccessFeature.objects.all(), *PolicyLever.objects.all()]:
        assert len(term.description) > 20 and len(term.explanation) > 100, term.slug


@pytest.mark.django_db
def test_levers_run_from_least_to_most_stringent():
    levers = list(PolicyLever.objects.all())
    assert [lever.stringency for lever in levers] == [1, 2, 3, 4]
    assert levers[0].slug == "sharing-what-works" and levers[-1].slug == "inspection-regulation"


@pytest.mark.django_db
def test_regions_are_marked_as_nations_or_english_regions():
    assert Region.objects.get(slug="scotland").kind == "nation"
    assert Region.objects.get(slug="london").kind == "english-region"


@pytest.fixture
def term_editor(client, django_user_model):
    user = django_user_model.objects.create_user("terms", password="pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="casestudies", codename__contains="successfeature"),
    )
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_editors_can_reword_a_feature_but_never_change_its_slug(term_editor):
    feature = SuccessFeature.objects.get(slug="play-to-strengths")
    url = reverse("casestudies_successfeature_modeladmin_edit", args=[feature.pk])
    response = term_editor.post(
        url,
        {
            "name": "Each partner plays to its strengths",
            "slug": "hacked",
            "description": "New words.",
            "explanation": "Longer.",
        },
    )
    assert response.status_code == 302
    feature.refresh_from_db()
    assert feature.name == "Each partner plays to its strengths"
    assert feature.slug == "play-to-strengths"


@pytest.mark.django_db
def test_editors_cannot_add_or_delete_canonical_terms(term_editor):
    feature = SuccessFeature.objects.first()
    assert term_editor.get(reverse("casestudies_successfeature_modeladmin_create")).status_code in (302, 403)
    assert term_editor.post(reverse("casestudies_successfeature_modeladmin_delete", args=[feature.pk])).status_code in (
        302,
        403,
    )
    assert SuccessFeature.objects.count() == 5
