"""Renderings kept under what they show (evidencebank/serving/responsecache.py `reuse_rendering`):
a publish of a page a rendering does not show leaves it in use, and any change to what it shows
renders it afresh. Every check reads the page as a reader would, after the change."""

import pytest
from django.test import Client

from casestudies.finder import facet_index as facet_index_module
from casestudies.finder.facet_index import build, facet_index
from casestudies.finder.matches import matching_pks
from casestudies.finder.query import parse_query
from casestudies.models import CaseStudyFeatureEvidence, FindableVersion, PartnerOrganisation
from tests.casestudies.test_reading_lists import make_reading_list
from tests.factories import make_case_study

pytestmark = pytest.mark.usefixtures("response_cache")

STRENGTHS = [{"feature": "play-to-strengths", "evidence": "Each partner did its own part."}]
ACCESSIBLE = [{"feature": "exciting-accessible", "evidence": "Families trust the school."}]


@pytest.fixture
def pair(index_page):
    """Two case studies with no feature or purpose in common: neither is related to the other."""
    alpha = make_case_study(index_page, title="Alpha languages partnership", success_features=STRENGTHS)
    bravo = make_case_study(index_page, title="Bravo outreach scheme", success_features=ACCESSIBLE)
    return alpha, bravo


def read(url, **params):
    response = Client().get(url, params)
    assert response.status_code == 200, url
    return response["X-Cache"], response.content.decode()


def republish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def share_strengths(alpha, bravo):
    """Bravo, republished, shows Alpha's success feature too."""
    bravo.feature_evidence.add(
        CaseStudyFeatureEvidence(feature=alpha.feature_evidence.get().feature, evidence="Both did their part.")
    )
    republish(bravo)


def test_a_case_study_is_reused_after_another_pages_publish(pair):
    alpha, bravo = pair
    assert read(alpha.url)[0] == "miss"
    before = read(alpha.url)[1]
    republish(bravo, summary="Bravo's new summary.")
    kind, after = read(alpha.url)
    assert kind == "rendered" and after == before
    assert read(alpha.url)[0] == "hit"  # kept under the new token too


def test_a_case_study_republished_is_rendered_afresh(pair):
    alpha, _ = pair
    read(alpha.url)
    republish(alpha, summary="Alpha's new summary.")
    kind, body = read(alpha.url)
    assert kind == "miss" and "Alpha&#x27;s new summary." in body


def test_a_related_case_study_republished_shows_at_once(index_page, pair):
    alpha, _ = pair
    charlie = make_case_study(index_page, title="Charlie mentoring", success_features=STRENGTHS)
    assert "Charlie mentoring" in read(alpha.url)[1]  # related: the same success feature
    republish(charlie, title="Charlie mentoring renamed")
    kind, body = read(alpha.url)
    assert kind == "miss" and "Charlie mentoring renamed" in body


def test_a_case_study_becoming_related_shows_at_once(pair):
    alpha, bravo = pair
    assert "Bravo outreach scheme" not in read(alpha.url)[1]
    share_strengths(alpha, bravo)
    kind, body = read(alpha.url)
    assert kind == "miss" and "Bravo outreach scheme" in body


def test_a_reading_list_published_moves_the_generation(home_page, pair):
    alpha, _ = pair
    read(alpha.url)
    make_reading_list(home_page, [alpha], title="Partnerships for new teachers")
    kind, body = read(alpha.url)
    assert kind == "miss" and "Partnerships for new teachers" in body


def test_an_organisation_renamed_shows_at_once(pair):
    alpha, _ = pair
    assert "Test University" in read(alpha.url)[1]
    organisation = PartnerOrganisation.objects.get(name="Test University")
    organisation.name = "University of Testing"
    organisation.save()
    kind, body = read(alpha.url)
    assert kind == "miss" and "University of Testing" in body


def test_a_list_is_reused_while_its_counts_and_results_stand(index_page, pair):
    _, bravo = pair
    assert read(index_page.url, feature="play-to-strengths")[0] == "miss"
    before = read(index_page.url, feature="play-to-strengths")[1]
    republish(bravo, summary="Bravo's new summary.")  # not in this list, and no count moves
    kind, after = read(index_page.url, feature="play-to-strengths")
    assert kind == "rendered" and after == before


def test_a_list_shows_a_new_result_and_count_at_once(index_page, pair):
    alpha, bravo = pair
    assert "Bravo outreach scheme" not in read(index_page.url, feature="play-to-strengths")[1]
    share_strengths(alpha, bravo)
    kind, body = read(index_page.url, feature="play-to-strengths")
    assert kind == "miss" and "Bravo outreach scheme" in body and "2 case studies" in body


def test_a_listed_case_study_republished_shows_in_the_list_and_in_other_lists(index_page, pair):
    alpha, _ = pair
    read(index_page.url)
    read(index_page.url, feature="play-to-strengths")
    republish(alpha, title="Alpha renamed")
    for params in ({}, {"feature": "play-to-strengths"}):
        kind, body = read(index_page.url, **params)
        assert kind == "miss" and "Alpha renamed" in body and "Alpha languages partnership" not in body, params


def test_a_search_finds_new_words_and_forgets_old_ones_at_once(index_page, pair):
    alpha, bravo = pair
    assert "Bravo outreach scheme" not in read(index_page.url, q="zanzibar")[1]
    assert "Alpha languages partnership" in read(index_page.url, q="languages")[1]
    republish(bravo, summary="A zanzibar exchange.")
    republish(alpha, title="Alpha partnership", summary="A pilot.")
    assert "Bravo outreach scheme" in read(index_page.url, q="zanzibar")[1]
    assert "Alpha partnership" not in read(index_page.url, q="languages")[1]


def test_a_publish_is_findable_by_its_words_while_index_updates_wait_for_the_worker(index_page, pair, settings):
    """Production's task backend queues Wagtail's search-index updates for the db_worker, which
    is not running here: the publish itself indexes the page's words with the token's move."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    _, bravo = pair
    assert "Bravo outreach scheme" not in read(index_page.url, q="quokka")[1]
    republish(bravo, summary="Quokka conservation with a primary school.")
    assert "Bravo outreach scheme" in read(index_page.url, q="quokka")[1]


def test_kept_matches_follow_publishes_and_unpublishes(index_page, pair):
    alpha, bravo = pair
    query = parse_query("walrus")
    assert matching_pks(query) == frozenset()
    republish(bravo, summary="The walrus programme.")
    assert matching_pks(query) == {bravo.pk}
    republish(alpha, summary="Another walrus.")
    republish(bravo, summary="No longer about that animal.")
    assert matching_pks(query) == {alpha.pk}
    alpha.unpublish()
    # The page's words stay in the backend's index; the facet index leaves it out of results.
    assert "Alpha languages partnership" not in read(index_page.url, q="walrus")[1]


def test_an_editor_and_a_private_page_never_get_a_kept_rendering(editor_client, pair):
    from wagtail.models import PageViewRestriction

    alpha, bravo = pair
    read(alpha.url)
    republish(bravo, summary="Bravo's new summary.")
    assert editor_client.get(alpha.url)["X-Cache"] == "bypass"
    PageViewRestriction.objects.create(page=alpha, restriction_type="password", password="sesame")
    response = Client().get(alpha.url)
    assert response["X-Cache"] == "bypass" and alpha.summary not in response.content.decode()


# -- the generation the renderings are keyed on ------------------------------------------------
def test_the_generation_stays_through_case_study_publishes_and_moves_otherwise(home_page, index_page, pair):
    alpha, bravo = pair
    facet_index_module._indexes.clear()
    first = facet_index(index_page).generation
    patches = facet_index_module.updates["patched"]
    republish(bravo, summary="Changed.")
    alpha.unpublish()
    patched = facet_index(index_page)
    assert patched.generation == first and facet_index_module.updates["patched"] == patches + 1
    # A process starting now (a rebuild) shares it: the steps since are all case studies'.
    republish(alpha)
    assert build(index_page, FindableVersion.current()).generation == facet_index(index_page).generation == first
    make_reading_list(home_page, [alpha])
    moved = facet_index(index_page).generation
    assert moved != first and moved == FindableVersion.current()
    organisation = PartnerOrganisation.objects.get(name="Test University")
    organisation.name = "University of Testing"
    organisation.save()
    assert facet_index(index_page).generation not in (first, moved)


def test_another_process_takes_kept_matches_from_the_shared_cache(index_page, pair):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from casestudies.finder import matches

    _, bravo = pair
    query = parse_query("outreach")
    assert matching_pks(query) == {bravo.pk}
    matches._matches.clear()  # a process that has not searched for it yet
    with CaptureQueriesContext(connection) as queries:
        assert matching_pks(query) == {bravo.pk}
    assert not [q for q in queries if "wagtailsearch" in q["sql"].lower()]
    republish(bravo, summary="No longer about that.")
    matches._matches.clear()
    assert matching_pks(query) == {bravo.pk}  # the title still says it
    republish(bravo, title="Bravo scheme")
    matches._matches.clear()
    assert matching_pks(query) == frozenset()


def test_an_organisation_renamed_is_found_by_its_new_name_at_once(index_page, pair, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    alpha, _ = pair
    assert "Alpha languages partnership" not in read(index_page.url, q="Wombatshire")[1]
    organisation = PartnerOrganisation.objects.get(name="Test University")
    organisation.name = "University of Wombatshire"
    organisation.save()
    kind, body = read(index_page.url, q="Wombatshire")
    assert kind == "miss" and "Alpha languages partnership" in body
