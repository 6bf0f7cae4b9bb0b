"""The taxonomy text readers see on feature, lever and filter pages says only what the sources say."""

import importlib

import pytest
from django.apps import apps as django_apps

from casestudies.models import Barrier, PolicyLever, SuccessFeature

seed = importlib.import_module("casestudies.migrations.0002_seed_taxonomies")
reword = importlib.import_module("casestudies.migrations.0006_reword_taxonomy_seed_text")
proposals = importlib.import_module("casestudies.migrations.0014_proposals_and_practice_notes")

pytestmark = pytest.mark.django_db


def all_term_text():
    rows = [*SuccessFeature.objects.all(), *PolicyLever.objects.all(), *Barrier.objects.all()]
    return " ".join(f"{t.description} {getattr(t, 'explanation', '')}" for t in rows)


def test_every_rewording_replaces_text_that_0002_really_seeded():
    seeded = {}
    for slug, _name, description, explanation in [*seed.SUCCESS_FEATURES, *seed.POLICY_LEVERS]:
        seeded[(slug, "description")] = description
        seeded[(slug, "explanation")] = explanation
    for slug, _name, description in seed.BARRIERS:
        seeded[(slug, "description")] = description
    for _model, slug, field, old, new in reword.REWORDINGS:
        assert seeded[(slug, field)] == old, (slug, field)
        assert new != old


def test_heat_is_expanded_correctly_and_credited_to_the_interview_study():
    feature = SuccessFeature.objects.get(slug="accountability-impact")
    assert "Higher Education Access Tracking system (HEAT)" in feature.explanation
    assert "interview study" in feature.explanation
    assert "Access Tracker" not in all_term_text()


def test_embellishments_the_essay_does_not_make_are_gone():
    text = all_term_text()
    for phrase in (
        "agreed at the start",
        "lasts longer",
        "neither partner would reach alone",
        "first enthusiasm fades",
        "teach their peers",
        "exam seasons",
    ):
        assert phrase not in text, phrase


def test_an_editors_own_wording_is_never_overwritten():
    feature = SuccessFeature.objects.get(slug="play-to-strengths")
    seeded_text = next(
        old
        for _m, slug, field, old, _new in reword.REWORDINGS
        if slug == "play-to-strengths" and field == "explanation"
    )
    feature.explanation = "An editor's own words."
    feature.save()
    reword.restore(django_apps, None)
    reword.reword(django_apps, None)
    feature.refresh_from_db()
    assert feature.explanation == "An editor's own words."
    # Text still as seeded is restored on the way back and reworded on the way forward
    # (0014 first steps back to the text 0006 left).
    lever = PolicyLever.objects.get(slug="leadership-training")
    proposals.reword(django_apps, None, forwards=False)
    reword.restore(django_apps, None)
    lever.refresh_from_db()
    assert "teach their peers" in lever.explanation
    reword.reword(django_apps, None)
    lever.refresh_from_db()
    assert "help design the training" in lever.explanation
    assert seeded_text != feature.explanation


def test_the_levers_and_features_say_whose_proposals_and_conclusions_they_are():
    for lever in PolicyLever.objects.all():
        assert "essay proposes" in lever.description, lever.slug
        assert "propos" in lever.explanation, lever.slug
    for feature in SuccessFeature.objects.all():
        assert feature.description.startswith("The essay's"), feature.slug
        assert "essay" in feature.explanation, feature.slug


def test_reversing_0014_restores_0006s_text_and_empties_the_practice_notes_it_added():
    proposals.remove_notes(django_apps, None)
    lever = PolicyLever.objects.get(slug="leadership-training")
    assert lever.explanation.startswith("Teaching the features of successful partnership")
    assert not SuccessFeature.objects.exclude(practice_notes="").exists()
    proposals.add_notes(django_apps, None)
    assert SuccessFeature.objects.get(slug="shared-governance").practice_notes.startswith("Joining the Dots.")
