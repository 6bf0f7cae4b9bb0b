"""The in-memory facet index: never stale after anything that changes what readers can find,
and always in agreement with the same selection made in SQL."""

import itertools
import random
from urllib.parse import urlencode

from django.core.management import call_command
from django.http import QueryDict
from django.utils import timezone
from wagtail.models import PageViewRestriction

from casestudies.benchmarks.bulk import generate
from casestudies.finder.facets import FACETS_BY_PARAM
from casestudies.finder.search import CaseStudySearch
from casestudies.models import FindableVersion, PolicyLever, SynonymGroup
from tests.casestudies.conftest import counts, labels, titles
from tests.casestudies.conftest import total as served_total
from tests.factories import make_case_study


def total(client, index_page, **params):
    return served_total(client.get(index_page.url, params))


def test_a_newly_published_case_study_is_counted_on_the_next_request(client, index_page, tagged):
    assert total(client, index_page) == 3
    assert counts(client.get(index_page.url), "region")["wales"] == 0
    make_case_study(index_page, title="Delta in Wales", region="wales")
    response = client.get(index_page.url)
    assert served_total(response) == 4 and counts(response, "region")["wales"] == 1


def test_unpublishing_deleting_and_restricting_remove_a_case_study_at_once(client, index_page, tagged):
    assert total(client, index_page) == 3
    tagged["a"].unpublish()
    assert "Alpha languages partnership" not in titles(client.get(index_page.url))
    tagged["b"].delete()
    assert titles(client.get(index_page.url)) == {"Charlie outreach"}
    restriction = PageViewRestriction.objects.create(page=tagged["c"], restriction_type="login")
    assert total(client, index_page) == 0
    restriction.delete()
    assert titles(client.get(index_page.url)) == {"Charlie outreach"}


def test_making_the_whole_section_private_empties_every_count(client, index_page, home_page, tagged):
    assert total(client, index_page) == 3
    PageViewRestriction.objects.create(page=index_page, restriction_type="login")
    assert client.get(index_page.url).status_code == 302  # to the login page
    assert CaseStudySearch(index_page, QueryDict()).run().total == 0
    assert "Search 0 case studies" in client.get("/").content.decode()


def test_a_scheduled_expiry_removes_the_case_study_from_counts(client, index_page, tagged):
    assert total(client, index_page, status="ended") == 1
    tagged["a"].expire_at = timezone.now() - timezone.timedelta(minutes=1)
    tagged["a"].save()
    call_command("publish_scheduled")
    assert total(client, index_page, status="ended") == 0


def test_renaming_a_term_or_retyping_a_partner_shows_on_the_next_request(client, index_page):
    page = make_case_study(index_page, title="Echo", policy_levers=["local-convening"])
    lever = PolicyLever.objects.get(slug="local-convening")
    lever.name = "Convening by the council"
    lever.save()
    assert "Convening by the council" in labels(client.get(index_page.url), "lever")
    organisation = page.partners.first().organisation
    before = counts(client.get(index_page.url), "partner_type")
    new_type = "charity" if organisation.type != "charity" else "employer"
    organisation.type = new_type
    organisation.save()
    after = counts(client.get(index_page.url), "partner_type")
    assert before[new_type] == 0 and after[new_type] == 1


def test_a_new_synonym_group_finds_case_studies_on_the_next_request(client, index_page):
    make_case_study(index_page, title="Kestrel mentoring scheme", summary="Mentoring by undergraduates.")
    assert total(client, index_page, q="falconry") == 0
    SynonymGroup.objects.create(terms="falconry, kestrel")
    assert total(client, index_page, q="falconry") == 1


def test_a_change_made_by_another_process_is_seen_once_the_token_moves(client, index_page, tagged):
    assert total(client, index_page) == 3
    # Another process published through SQL the index never saw, then moved the token.
    type(tagged["draft"]).objects.filter(pk=tagged["draft"].pk).update(live=True)
    assert total(client, index_page) == 3  # this process's index is still the old one...
    FindableVersion.objects.update(token="changed-elsewhere")
    assert total(client, index_page) == 4  # ...until the token says otherwise


def test_the_title_order_ignores_case(client, index_page):
    for title in ("banana scheme", "Apple scheme", "cherry scheme", "Date scheme"):
        make_case_study(index_page, title=title)
    results = client.get(index_page.url, {"sort": "title"}).context["finding"].results
    assert [p.title for p in results] == ["Apple scheme", "banana scheme", "cherry scheme", "Date scheme"]


def random_selection(rng):
    params = {}
    for param in rng.sample(sorted(FACETS_BY_PARAM), rng.randint(0, 3)):
        values = FACETS_BY_PARAM[param].values
        params[param] = rng.sample(list(values), rng.randint(1, min(3, len(values))))
    if rng.random() < 0.3:
        params["from_year"] = str(rng.randint(2005, 2024))
    if rng.random() < 0.3:
        params["to_year"] = str(rng.randint(2005, 2024))
    if rng.random() < 0.4:
        params["q"] = rng.choice(["languages", "university trust", "mentoring", "modern languages", "cpd"])
    return params


def querydict(params):
    return QueryDict(urlencode(params, doseq=True))


def test_the_index_and_sql_agree_on_every_selection_count_and_order(index_page):
    generate(index_page, 150, seed=7)
    rng = random.Random(11)
    for params in itertools.islice(iter(lambda: random_selection(rng), None), 60):
        search = CaseStudySearch(index_page, querydict(params))
        in_sql = list(search.pages().order_by("-first_published_at", "-pk").values_list("pk", flat=True))
        newest = CaseStudySearch(index_page, querydict({**params, "sort": "newest"})).ordered_results()
        assert newest == in_sql, params
        # Each facet's disjunctive counts: the selection without that facet, plus the value.
        finding = search.run(with_results=False)
        for view in finding.facets[:4]:
            for option in view.options[:3]:
                chosen = {**params, view.param: [option.value]}
                expected = CaseStudySearch(index_page, querydict(chosen)).pages().count()
                assert option.count == expected, (params, view.param, option.value)
