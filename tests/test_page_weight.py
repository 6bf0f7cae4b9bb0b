"""A case study stays light: its HTML, CSS and JavaScript together are under 100 KB."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.factories import make_case_study

pytestmark = [pytest.mark.django_db, pytest.mark.database_agnostic]

BUDGET_BYTES = 100 * 1024
LONG_TEXT = "The partners met each term to agree targets and review what the data showed. " * 6


def static_file_size(url):
    path = urlsplit(url).path
    assert path.startswith(settings.STATIC_URL), f"{url} is not one of the site's own static files"
    found = finders.find(path.removeprefix(settings.STATIC_URL))
    assert found, f"{url} does not exist"
    with open(found, "rb") as handle:
        return len(handle.read())


@pytest.fixture
def long_case_study(index_page):
    for n in range(3):
        make_case_study(index_page, title=f"A related partnership {n}", purposes=["widening-participation"])
    return make_case_study(
        index_page,
        title="A long case study with every section filled in",
        summary="A trust and a university worked together for five years. " * 4,
        story=[
            {"type": "heading", "text": f"Part {n}"} if n % 3 == 0 else {"type": "paragraph", "text": LONG_TEXT}
            for n in range(15)
        ],
        success_features=[
            {"feature": slug, "evidence": LONG_TEXT}
            for slug in (
                "shared-governance",
                "play-to-strengths",
                "existing-infrastructure",
                "accountability-impact",
                "exciting-accessible",
            )
        ],
        purposes=["widening-participation"],
        impact_measures=[
            {"measure": f"Measure {n}", "baseline": "10%", "result": "20%", "source": "Trust data"} for n in range(8)
        ],
        barriers=["timetables", "staff-time"],
        barriers_note=LONG_TEXT,
        advice=LONG_TEXT,
        sources=[
            {"title": f"Report {n}", "url": f"https://example.org/report-{n}", "publisher": "Example", "year": 2024}
            for n in range(5)
        ],
    )


def test_case_study_html_css_and_javascript_weigh_under_100_kb(client, long_case_study):
    response = client.get(long_case_study.url)
    assert response.status_code == 200
    html = response.content
    soup = BeautifulSoup(html, "html.parser")
    stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    scripts = [script["src"] for script in soup.find_all("script", src=True)]
    assert stylesheets, "the page should have its stylesheet"
    weights = {"HTML": len(html), **{url: static_file_size(url) for url in stylesheets + scripts}}
    total = sum(weights.values())
    assert total < BUDGET_BYTES, f"{total} bytes: {weights}"
