import lxml.html
import pytest
from wagtail.models import PageViewRestriction

from tests.factories import make_case_study


def feature(slug, evidence="Shown in the case."):
    return {"feature": slug, "evidence": evidence}


@pytest.fixture
def tagged(index_page):
    """Three published case studies with distinct tags, plus a draft and a private one that
    carry every tag and the word 'zebracorn', so any leak shows up in a list or a count."""
    pages = {
        "a": make_case_study(
            index_page,
            title="Alpha languages partnership",
            phases=["secondary"],
            region="london",
            success_features=[feature("shared-governance")],
            policy_levers=["local-convening"],
            purposes=["subject-enrichment"],
            start_year=2015,
            end_year=2018,
            status="ended",
        ),
        "b": make_case_study(
            index_page,
            title="Bravo teacher pathway",
            phases=["primary"],
            region="london",
            success_features=[feature("play-to-strengths")],
            policy_levers=["leadership-training"],
            purposes=["teacher-workforce"],
            start_year=2019,
            status="established",
        ),
        "c": make_case_study(
            index_page,
            title="Charlie outreach",
            phases=["secondary", "primary"],
            region="scotland",
            success_features=[feature("shared-governance"), feature("play-to-strengths")],
            policy_levers=["local-convening"],
            purposes=["widening-participation"],
            start_year=2021,
            status="pilot",
        ),
    }
    everything = dict(
        phases=["secondary", "primary"],
        region="london",
        policy_levers=["local-convening"],
        success_features=[feature("shared-governance")],
        purposes=["subject-enrichment"],
        summary="Zebracorn partnership with the secret word.",
        start_year=2015,
        status="ended",
    )
    pages["draft"] = make_case_study(index_page, publish=False, title="Hidden draft zebracorn", **everything)
    pages["private"] = make_case_study(index_page, title="Hidden private zebracorn", **everything)
    PageViewRestriction.objects.create(page=pages["private"], restriction_type="login")
    return pages


def served(response):
    return lxml.html.fromstring(response.content.decode())


def titles(response):
    """The titles of the results the reader sees (served HTML: it may come from the cache)."""
    return {link.text_content().strip() for link in served(response).xpath("//li[contains(@class, 'result')]/h3/a")}


def counts(response, param):
    """{value: count} of one filter, as the reader sees it ('(none match)' counts 0)."""
    found = {}
    for option in served(response).xpath("//input[@type='checkbox'][@name=$param]", param=param):
        count = option.xpath("following-sibling::label/span[@class='facet__count']")[0].text_content()
        found[option.get("value")] = int(count.strip("()")) if count[1:-1].isdigit() else 0
    return found


def total(response):
    """The number of results the reader is told."""
    return int(served(response).get_element_by_id("results-heading").text_content().split()[0].replace(",", ""))


def labels(response, param):
    return [
        label.text_content().split("(")[0].strip()
        for label in served(response).xpath("//li/label[starts-with(@for, $prefix)]", prefix=f"f-{param}-")
    ]
