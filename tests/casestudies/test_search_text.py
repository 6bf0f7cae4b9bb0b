"""Full-text search: the index, weights, stemming, synonyms and highlighting, on either database."""

import pytest
from django.urls import reverse

from casestudies.models import CaseStudyPage, SynonymGroup
from tests.factories import make_case_study

NEUTRAL = {"partners": [{"name": "Plain Academy", "type": "school"}], "body": "Pupils took part."}


def found(client, index_page, q, **params):
    response = client.get(index_page.url, {"q": q, **params})
    assert response.status_code == 200
    return [page.title for page in response.context["finding"].results]


def test_published_case_studies_are_in_the_search_index(index_page):
    page = make_case_study(index_page, title="Quillwort partnership")
    assert [p.pk for p in CaseStudyPage.objects.live().search("quillwort")] == [page.pk]


def test_search_covers_summary_story_partners_evidence_impact_barriers_and_advice(client, index_page):
    make_case_study(
        index_page,
        title="Everything case",
        summary="Summaryword here.",
        body="Storyword in the body.",
        partners=[{"name": "Partnerword College", "type": "fe-college"}],
        success_features=[{"feature": "play-to-strengths", "evidence": "Evidenceword shown."}],
        impact_measures=[{"measure": "Measureword rate", "result": "3"}],
        barriers=["staff-time"],
        barriers_note="Barrierword overcome.",
        advice="Adviceword for others.",
    )
    make_case_study(index_page, title="Unrelated case")
    for word in (
        "summaryword",
        "storyword",
        "partnerword",
        "evidenceword",
        "measureword",
        "barrierword",
        "adviceword",
        "release",
    ):
        assert found(client, index_page, word) == ["Everything case"], word


def test_a_title_match_outranks_a_body_match(client, index_page):
    make_case_study(
        index_page,
        title="Body mention",
        summary="Work on mentoring for new staff.",
        body="Mentoring was central. Mentoring continued. Mentoring grew.",
    )
    make_case_study(index_page, title="Mentoring across a trust", summary="A programme for staff.")
    assert found(client, index_page, "mentoring")[0] == "Mentoring across a trust"


def test_best_match_weighs_phrases_in_the_title_then_the_summary_then_the_newest(client, index_page):
    SynonymGroup.objects.create(terms="kestrel scheme, raptor mentoring programme")
    make_case_study(index_page, title="A raptor mentoring programme", summary="Pupils learned together.")
    make_case_study(index_page, title="Sixth formers outdoors", summary="Raptor mentoring programme, run jointly.")
    # Newest, found through its story, with the phrase's words in its summary but not as the phrase.
    make_case_study(
        index_page,
        title="Campus visits",
        body="The kestrel scheme ran too.",
        summary="Mentoring by raptor experts in a summer programme.",
    )
    make_case_study(index_page, title="Unrelated", summary="Mentoring in a programme.")
    assert found(client, index_page, "kestrel scheme") == [
        "A raptor mentoring programme",
        "Sixth formers outdoors",
        "Campus visits",
    ]


@pytest.mark.parametrize(
    "query, text",
    [
        ("partnerships", "partnership"),
        ("partnership", "partnerships"),
        ("languages", "language"),
        ("language", "languages"),
        ("studies", "study"),
        ("training", "trained"),
    ],
)
def test_english_word_forms_find_each_other(client, index_page, query, text):
    make_case_study(index_page, title="Target case", summary=f"About one {text} only.")
    make_case_study(index_page, title="Other case", summary="Nothing relevant here.")
    assert found(client, index_page, query) == ["Target case"]


@pytest.mark.parametrize(
    "query, text",
    [
        ("MFL", "modern languages"),
        ("modern languages", "MFL"),
        ("ITT", "teacher training"),
        ("initial teacher education", "ITE"),
        ("SEND", "special educational needs"),
        ("CPD", "professional development"),
        ("WP", "widening participation"),
        ("widening participation", "WP"),
        ("HE", "university"),
        ("university", "higher education"),
        ("higher education", "universities"),
        ("MAT", "trust"),
        ("trust", "MAT"),
        ("NPQ", "national professional qualification"),
        ("UTC", "university technical college"),
        ("EAL", "English as an additional language"),
        ("FSM", "free school meals"),
    ],
)
def test_sector_acronyms_and_synonyms_resolve_both_ways(client, index_page, query, text):
    # "HE" itself is an English stop word that PostgreSQL never indexes, so a case study is
    # found through "HE" only if it also says university or higher education.
    make_case_study(index_page, title="Target case", summary=f"Work on {text} locally.", **NEUTRAL)
    make_case_study(index_page, title="Other case", summary="Nothing relevant here.", **NEUTRAL)
    assert found(client, index_page, query) == ["Target case"]


def test_editors_can_add_synonyms_in_the_admin(client, editor_client, index_page):
    make_case_study(index_page, title="Target case", summary="A STEM outreach programme.")
    assert found(client, index_page, "science") == []
    response = editor_client.post(
        reverse("wagtailsnippets_casestudies_synonymgroup:add"), {"terms": "Science, STEM", "note": ""}
    )
    assert response.status_code == 302
    assert SynonymGroup.objects.filter(terms="science, stem").exists()
    assert found(client, index_page, "science") == ["Target case"]


def test_a_synonym_group_needs_two_terms(editor_client):
    response = editor_client.post(reverse("wagtailsnippets_casestudies_synonymgroup:add"), {"terms": "alone"})
    assert response.status_code == 200
    assert "at least two" in response.content.decode()


def test_all_words_must_match(client, index_page):
    make_case_study(index_page, title="Languages in Hounslow", summary="French A levels.")
    make_case_study(index_page, title="Languages in Leeds", summary="German A levels.")
    assert found(client, index_page, "languages french") == ["Languages in Hounslow"]


def test_matched_words_are_highlighted_in_the_summary(client, index_page):
    make_case_study(index_page, title="Case", summary="Partnerships between a trust & a university.")
    html = client.get(index_page.url, {"q": "partnership MAT"}).content.decode()
    assert "<mark>Partnerships</mark> between a <mark>trust</mark> &amp; a university." in html


def test_highlighting_escapes_the_summary_before_marking(client, index_page):
    make_case_study(index_page, title="Case", summary='<b>bold</b> amp &amp; quot "quoted" partnership')
    html = client.get(index_page.url, {"q": "partnership amp quot"}).content.decode()
    assert "<b>bold</b>" not in html
    assert (
        "&lt;b&gt;bold&lt;/b&gt; <mark>amp</mark> &amp;<mark>amp</mark>; "
        "<mark>quot</mark> &quot;<mark>quoted</mark>&quot; <mark>partnership</mark>"
    ) in html


def test_stop_words_alone_search_nothing_rather_than_everything(client, index_page, case_study):
    response = client.get(index_page.url, {"q": "the and of"})
    assert response.status_code == 200
    assert response.context["finding"].query.is_empty


@pytest.mark.parametrize("q", ["qqqnotaword partner", "partner qqqnotaword", "partnerships qqqnotaword teachers"])
def test_every_word_narrows_the_results_on_both_databases(client, index_page, q):
    """An unknown word beside a common one matches no case study, on SQLite FTS5 as on PostgreSQL:
    each word's forms are bracketed as one group (FTS5 binds AND before OR)."""
    for n in range(3):
        make_case_study(index_page, title=f"Partnership {n} with teachers", summary="A partner school.")
    assert len(found(client, index_page, "partner")) == 3
    # None holds every word, so the page falls back to those holding some of them, and says so.
    assert "No case study matches all of your words" in client.get(index_page.url, {"q": q}).content.decode()


def test_no_plain_text_query_holds_more_than_one_word():
    """A multi-word PlainText is what SQLite's backend writes without brackets."""
    from wagtail.search.query import PlainText

    from casestudies.finder.query import parse_query

    def leaves(query):
        subqueries = getattr(query, "subqueries", None)
        return [leaf for sub in subqueries for leaf in leaves(sub)] if subqueries else [query]

    plain = [
        leaf
        for leaf in leaves(parse_query("qqqnotaword partnerships teaching").search_query())
        if isinstance(leaf, PlainText)
    ]
    assert plain and all(len(leaf.query_string.split()) == 1 for leaf in plain)
