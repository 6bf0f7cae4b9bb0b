"""The health check as a reader uses it: the form, the result address, the CSV, old links after
editors change the statements, tampered addresses and the comparison of two results."""

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from wagtail.models import PageViewRestriction

from healthcheck.models import Statement, StatementSet
from tests.factories import make_case_study

START, RESULT, CSV, COMPARE = (
    "/health-check/",
    "/health-check/result/",
    "/health-check/result/csv/",
    "/health-check/compare/",
)
# Strong everywhere except accountability (statements 10–12), which is "not yet".
PATTERN = "333333322000332"


def submit(client, answers=PATTERN, version=2, **context):
    data = {"v": str(version), **{f"s{n}": a for n, a in enumerate(answers, start=1)}, **context}
    return client.get(START, data)


@pytest.fixture
def evidence(index_page):
    return {
        "shown": make_case_study(
            index_page,
            title="Quality-assured foundation degrees",
            success_features=[{"feature": "accountability-impact", "evidence": "The university checks the teaching."}],
            phases=["secondary"],
            region="london",
        ),
        "draft": make_case_study(
            index_page,
            publish=False,
            title="Hidden draft zebracorn",
            success_features=[{"feature": "accountability-impact", "evidence": "Secret."}],
            phases=["secondary"],
            region="london",
            evidence_type=3,
        ),
        "private": private_case_study(index_page),
    }


def private_case_study(index_page):
    page = make_case_study(
        index_page,
        title="Hidden private zebracorn",
        success_features=[{"feature": "accountability-impact", "evidence": "Secret."}],
        phases=["secondary"],
        region="london",
        evidence_type=3,
    )
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    return page


def test_the_form_lists_fifteen_statements_with_four_answers_each(client, index_page):
    html = client.get(START).content.decode()
    assert html.count('<fieldset class="hc-statement') == 15
    for label in ("Not yet", "Starting", "Mostly", "Fully"):
        assert html.count(f">{label}</label>") == 15
    assert (
        "Each partner&#x27;s contribution is measured against targets that someone other than that partner checks"
        in html
    )


def test_answering_leads_to_a_short_result_address_holding_the_answers_and_context(client, index_page):
    response = submit(client, phase="secondary", region="london")
    assert response.status_code == 302
    url = urlsplit(response["Location"])
    assert url.path == RESULT
    assert parse_qs(url.query) == {"r": ["2-" + PATTERN], "phase": ["secondary"], "region": ["london"]}


def test_a_statement_left_unanswered_is_named_and_the_other_answers_are_kept(client, index_page):
    data = {"v": "2", **{f"s{n}": "2" for n in range(1, 16) if n != 7}}
    response = client.get(START, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Statement 7 has no answer" in html and 'href="#s7-0"' in html
    assert html.count("checked") == 14


def test_the_result_shows_the_profile_the_weak_feature_its_guidance_and_evidence(client, index_page, evidence):
    html = client.get(RESULT, {"r": "2-" + PATTERN, "phase": "secondary"}).content.decode()
    assert '<th scope="row">Explicit accountability and impact measurement</th><td>0%</td>' in html
    assert '<th scope="row">Shared governance around long-term strategic goals</th><td>100%</td>' in html
    assert "<svg" in html and 'role="img"' in html and "<desc" in html
    assert "<h3>Explicit accountability and impact measurement: 0%</h3>" in html
    assert "no partner marks its own homework" in html.lower() or "marking their own homework" in html
    assert "Quality-assured foundation degrees" in html and "The university checks the teaching." in html
    assert "zebracorn" not in html.lower()
    assert "How the result is worked out" in html


def test_the_result_page_makes_a_fixed_number_of_queries(client, index_page, evidence, django_assert_max_num_queries):
    client.get(RESULT, {"r": "2-" + PATTERN})  # the facet index and site links are built once
    with django_assert_max_num_queries(11):
        response = client.get(RESULT, {"r": "2-" + "0" * 15, "phase": "secondary", "region": "london"})
    assert response.status_code == 200


def test_the_csv_has_the_profile_the_answers_and_the_evidence(client, index_page, evidence):
    response = client.get(CSV, {"r": "2-" + PATTERN})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert ["profile", "Explicit accountability and impact measurement", "score", "0%", "Not yet in place"] in rows
    assert sum(1 for row in rows if row[0] == "answer") == 15
    assert any(row[0] == "evidence" and row[2] == "Quality-assured foundation degrees" for row in rows)
    assert "zebracorn" not in response.content.decode().lower()


def test_change_your_answers_fills_the_form_from_the_result(client, index_page):
    html = client.get(START, {"r": "2-" + PATTERN, "region": "london"}).content.decode()
    assert html.count("checked") == 16  # 15 answers and the region


@pytest.mark.parametrize(
    "code, message",
    [
        ("", "has no answers"),
        ("2-3333", "looks cut short"),
        ("2-" + "3" * 40, "has 40 answers"),
        ("99-" + PATTERN, "version 99"),
        ("not a code", "not in the form we make"),
        ("2-" + "x" * 15, "None of the answers"),
        ("9" * 300, "too long"),
        ("2-333 333", "not in the form"),
        ("2-\x00" + PATTERN[1:] + "3", "has 16 answers"),
    ],
)
def test_a_tampered_or_truncated_address_explains_itself_and_offers_the_form(client, index_page, code, message):
    for url in (RESULT, CSV):
        response = client.get(url, {"r": code})
        html = response.content.decode()
        assert response.status_code == 400
        assert message in html
        assert '<form class="health-check-form"' in html


def test_unknown_answers_and_context_are_ignored_with_a_notice(client, index_page):
    response = client.get(RESULT, {"r": "2-x" + PATTERN[1:], "phase": ["secondary", "mars"], "region": "<script>"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 answer in this address could not be read" in html
    assert "not one of our terms and was ignored" in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_editing_a_statement_makes_a_new_version_and_old_links_keep_their_statements(client, index_page):
    statement = Statement.objects.get(text__startswith="Families hear about")
    old_text = statement.text
    statement.text = "Families hear about the partnership from a teacher they trust."
    statement.save()
    assert StatementSet.current().version == 3
    statement.save()  # nothing changed: no new version
    assert StatementSet.current().version == 3

    old = client.get(RESULT, {"r": "2-" + PATTERN}).content.decode()
    assert "The statements have changed since this result was made" in old
    assert old_text.replace("'", "&#x27;") in old and statement.text not in old
    new = client.get(RESULT, {"r": "3-" + PATTERN}).content.decode()
    assert "The statements have changed" not in new and statement.text in new
    # The form now asks the new version; an answer sheet of the old one is asked again.
    assert 'name="v" value="3"' in client.get(START).content.decode()
    assert "The statements changed while you were answering" in submit(client, version=2).content.decode()
    assert submit(client, version=3)["Location"].endswith("r=3-" + PATTERN)


def test_adding_a_statement_keeps_old_addresses_valid(client, index_page):
    first = Statement.objects.first()
    Statement.objects.create(feature=first.feature, text="A sixteenth statement.", guidance="G.", source="S.")
    assert StatementSet.current().version == 3
    assert client.get(RESULT, {"r": "2-" + PATTERN}).status_code == 200
    assert client.get(RESULT, {"r": "3-" + PATTERN}).status_code == 400  # 15 answers for 16 statements
    assert client.get(RESULT, {"r": "3-" + PATTERN + "3"}).status_code == 200


def test_comparing_two_results_shows_the_change_per_feature(client, index_page):
    later = "333333322221332"
    response = client.get(
        COMPARE, {"first": f"https://example.org{RESULT}?r=2-{PATTERN}&phase=secondary", "second": f"2-{later}"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert '<th scope="row">Explicit accountability and impact measurement</th>' in html
    assert "Up 56 points" in html and "No change" in html


def test_the_result_page_links_to_a_comparison_that_already_holds_this_result(client, index_page):
    html = client.get(RESULT, {"r": "2-" + PATTERN}).content.decode()
    link = html.split('href="/health-check/compare/?first=', 1)[1].split('"', 1)[0]
    response = client.get(COMPARE + "?first=" + link.replace("&amp;", "&"))
    html = response.content.decode()
    assert response.status_code == 200 and "There is a problem" not in html  # the second is still to come
    assert f'name="first" value="r=2-{PATTERN}"' in html


@pytest.mark.parametrize(
    "first, second", [("junk", "2-" + PATTERN), ("2-33", "?r=zz"), ("2-" + PATTERN, "https://example.org/?q=1")]
)
def test_a_bad_result_to_compare_is_explained(client, index_page, first, second):
    response = client.get(COMPARE, {"first": first, "second": second})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_the_comparison_form_alone_is_a_plain_page(client, index_page):
    response = client.get(COMPARE)
    assert response.status_code == 200 and "There is a problem" not in response.content.decode()


def test_naughty_strings_anywhere_in_the_addresses_never_fail(client, index_page):
    from tests.naughty import naughty_strings

    for text in naughty_strings()[::7] + ["nul\x00inside", "2-" + "\x00" * 15]:
        for url, data in (
            (RESULT, {"r": text}),
            (RESULT, {"r": "2-" + PATTERN, "phase": text, "region": text, "purpose": text, "partner_type": text}),
            (CSV, {"r": text}),
            (START, {"r": text}),
            (START, {"v": text, "s1": text}),
            (START, {"v": "2", "s1": text, "phase": text}),
            (COMPARE, {"first": text, "second": "2-" + PATTERN}),
            ("/case-studies/compare/", {"ids": text}),
        ):
            response = client.get(url, data)
            assert response.status_code in (200, 400, 414), (url, text)


def test_removing_or_reordering_statements_makes_new_versions(client, index_page):
    statements = list(Statement.objects.filter(feature__slug="exciting-accessible"))
    statements[0].sort_order, statements[1].sort_order = statements[1].sort_order, statements[0].sort_order
    statements[0].save()
    statements[1].save()
    reordered = StatementSet.current()
    assert reordered.version == 3  # the first save alone left the order as it was (a tie, broken by age)
    assert [s["text"] for s in reordered.statements][12:14] == [statements[1].text, statements[0].text]
    statements[2].delete()
    assert StatementSet.current().version == 4 and len(StatementSet.current().statements) == 14
    assert client.get(RESULT, {"r": "2-" + PATTERN}).status_code == 200
    assert client.get(RESULT, {"r": "4-" + PATTERN[:14]}).status_code == 200


def test_csv_cells_are_never_formulas(client, index_page):
    make_case_study(
        index_page,
        title='=HYPERLINK("https://example.org")',
        success_features=[{"feature": "accountability-impact", "evidence": "Shown."}],
    )
    statement = Statement.objects.get(text__startswith="Families hear about")
    statement.text = "  +Families hear about it from staff."
    statement.save()
    response = client.get(CSV, {"r": "3-" + PATTERN})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("https://example.org")' in cells
    assert "14.   +Families hear about it from staff." in cells  # the number comes first: no formula
    assert not any(cell.lstrip()[:1] in "=+-@" for cell in cells if cell and not cell.startswith("'"))


def test_the_result_suggests_the_published_reading_lists_that_cover_the_weak_features(
    client, home_page, index_page, evidence, django_assert_max_num_queries
):
    from tests.casestudies.test_reading_lists import make_reading_list

    governance = make_case_study(
        index_page,
        title="A joint board",
        success_features=[{"feature": "shared-governance", "evidence": "A joint board met each term."}],
    )
    second = make_case_study(
        index_page,
        title="Targets checked by the trust",
        success_features=[{"feature": "accountability-impact", "evidence": "The trust checks the targets."}],
    )
    make_reading_list(home_page, [evidence["shown"]], title="Measuring what the partnership does")
    make_reading_list(home_page, [second, governance, evidence["shown"]], title="Two that measure impact")
    make_reading_list(home_page, [governance], title="Governance only")  # not a weak feature here
    # Lists that must never be suggested: their only accountability case studies are hidden, or
    # the list itself is.
    make_reading_list(home_page, [evidence["draft"], evidence["private"], governance], title="Zebracorn hidden items")
    make_reading_list(home_page, [second], publish=False, title="Zebracorn draft list")
    private_list = make_reading_list(home_page, [second], title="Zebracorn private list")
    PageViewRestriction.objects.create(page=private_list, restriction_type="login")

    client.get(RESULT, {"r": "2-" + PATTERN})  # the facet index and site links are built once
    with django_assert_max_num_queries(12):  # one more than without lists, whatever their number
        html = client.get(RESULT, {"r": "2-" + PATTERN}).content.decode()
    assert "Reading lists that cover it" in html
    section = html[html.index("Reading lists that cover it") :]
    assert section.index("Two that measure impact") < section.index("Measuring what the partnership does")
    assert "2 case studies on the list show this feature" in section
    assert "Governance only" not in html
    assert "zebracorn" not in html.lower()

    rows = list(csv.reader(io.StringIO(client.get(CSV, {"r": "2-" + PATTERN}).content.decode("utf-8-sig"))))
    listed = [row[2] for row in rows if row[0] == "reading list"]
    assert listed == ["Two that measure impact", "Measuring what the partnership does"]


def test_no_reading_list_section_when_no_list_covers_the_weak_features(client, index_page, evidence):
    html = client.get(RESULT, {"r": "2-" + PATTERN}).content.decode()
    assert "Reading lists that cover it" not in html
