"""Hypothesis over every public GET parameter of every public view: random text, huge and
negative numbers, repeated parameters and invalid percent-encoding. Nothing answers 5xx, and no
page grows without bound (each stays within a fixed margin of its size with no parameters)."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casestudies.finder.facets import FACETS
from tests.casestudies.conftest import tagged  # noqa: F401 - the fixture

CONTEXT_PARAMS = ["phase", "region", "purpose", "partner_type"]  # the health check's context
FINDER_PARAMS = ["q", "exact", "from_year", "to_year", "sort", "page", *[facet.param for facet in FACETS]]
# Every public view and the GET parameters it reads (the finder's routes read them all; the
# others read none, so they get the finder's parameters too, which they must ignore).
VIEWS = {
    "home": ("/", FINDER_PARAMS),
    "listing": ("{index}", FINDER_PARAMS),
    "feature page": ("{index}features/shared-governance/", FINDER_PARAMS),
    "lever page": ("{index}levers/local-convening/", FINDER_PARAMS),
    "matrix": ("{index}matrix/", FINDER_PARAMS),
    "suggestions": ("{index}suggest/", ["q"]),
    "download json": ("{index}download/json/", FINDER_PARAMS),
    "download csv": ("{index}download/csv/", FINDER_PARAMS),
    "finder entry": ("/find/", FINDER_PARAMS),
    "case study": ("{case_study}", FINDER_PARAMS),
    "standard page": ("{standard}", ["q"]),
    "health": ("/healthz", ["q"]),
    "compare": ("{index}compare/", ["ids"]),
    "health check": ("/health-check/", ["v", "r", "s1", "s15", *CONTEXT_PARAMS]),
    "health check result": ("/health-check/result/", ["r", *CONTEXT_PARAMS]),
    "health check csv": ("/health-check/result/csv/", ["r", *CONTEXT_PARAMS]),
    "health check compare": ("/health-check/compare/", ["first", "second"]),
}
# A page may grow by a capped notice per parameter, the echoed (trimmed) search, and the current
# state carried in each filter link, so at most linearly in the query string, which is itself
# bounded (evidencebank/serving/limits.py): every filter ticked with a long search measured 85
# bytes a query character. The old notice-per-value page grew 110 bytes a *value*, unbounded.
PER_QUERY_CHARACTER = 100
MARGIN = 20_000

numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["-0", "1e309", "nan", "inf", "0x10", " 7 ", "２０１９", "1" * 400]),
)
texts = st.text(max_size=300)
values = st.one_of(texts, numbers, st.sampled_from(["secondary", "shared-governance", "newest", "london", ""]))
bad_escapes = st.sampled_from(["%", "%zz", "%e9", "%ff%fe", "%c3%28", "%00", "%ed%a0%80", "%%", "%2"])


@st.composite
def query_strings(draw, names):
    parts = []
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        name = draw(st.sampled_from(names))
        for _ in range(draw(st.integers(min_value=1, max_value=60))):  # repeated parameters
            value = quote(draw(values), safe="")
            if draw(st.booleans()):
                value += draw(bad_escapes)
            parts.append(f"{name}={value}")
    if draw(st.booleans()):
        parts.append(draw(bad_escapes) + "=" + draw(bad_escapes))
    return "&".join(parts)


@pytest.fixture
def public_site(index_page, home_page, tagged):  # noqa: F811
    from home.models import StandardPage

    standard = home_page.add_child(instance=StandardPage(title="About the bank", slug="about-the-bank"))
    return {"index": index_page.url, "case_study": tagged["a"].url, "standard": standard.url}


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_no_public_view_fails_or_grows_whatever_the_parameters(client, public_site, view):
    template, names = VIEWS[view]
    path = template.format(**public_site)
    baseline = client.get(path, follow=True)
    assert baseline.status_code < 500
    base_size = len(baseline.content)

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(query=query_strings(names))
    def check(query):
        response = client.get(path, QUERY_STRING=query)
        assert response.status_code < 500, (view, query)
        assert response.status_code in (200, 301, 302, 400, 404, 414), (view, query, response.status_code)
        limit = base_size + MARGIN + PER_QUERY_CHARACTER * len(query)
        assert len(response.content) <= limit, (view, query, len(response.content))

    check()
