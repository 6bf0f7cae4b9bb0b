"""The "What readers look for" report: what it lists, who may see it, its downloads, and the
links that let an editor act on a row."""

import csv
import datetime
import hashlib
import io
import re
from html import unescape

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from editorial.roles import COURSE_DESIGNERS
from insights.models import WITHHELD, DailySearch
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YESTERDAY = TODAY - datetime.timedelta(days=1)
LAST_MONTH = TODAY - datetime.timedelta(days=30)


def searched(day, query="", filters=None, results=0, searches=1, opens=0, path="/case-studies/"):
    signature = hashlib.sha256(f"{query}|{filters}|{path}".encode()).hexdigest()
    return DailySearch.objects.create(
        day=day,
        signature=signature,
        path=path,
        query=query,
        filters=filters or {},
        results=results,
        searches=searches,
        opens=opens,
    )


@pytest.fixture
def demand(index_page):
    make_case_study(index_page, title="Strengths partnership", policy_levers=["local-convening"])
    searched(YESTERDAY, "robotics club", searches=7)
    searched(LAST_MONTH, "robotics club", searches=2)
    searched(YESTERDAY, "forest school", searches=3)
    searched(YESTERDAY, "strengths", results=1, searches=4)
    searched(YESTERDAY, "partnership", results=5, searches=6, opens=0)
    searched(YESTERDAY, "mentoring", results=5, searches=2, opens=2)
    searched(LAST_MONTH, "old question", searches=10)
    searched(YESTERDAY, filters={"feature": ["shared-governance"], "lever": ["sharing-what-works"]}, searches=8)
    DailySearch.objects.create(day=YESTERDAY, signature=WITHHELD, searches=3)


def report_rows(client, query=""):
    response = client.get(reverse("insights:report") + "?export=csv" + query)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_zero_and_few_result_searches_most_frequent_first_with_their_trend(moderator_client, demand):
    rows = report_rows(moderator_client)
    none = [r for r in rows if r["Section"] == "No results" and r["Search words"]]
    assert [r["Search words"] for r in none][:3] == ["old question", "robotics club", "forest school"]
    robotics = next(r for r in none if r["Search words"] == "robotics club")
    assert robotics["Searches"] == "9" and robotics["Trend"].startswith("7 in the last 7 days")
    few = [r["Search words"] for r in rows if r["Section"] == "Few results"]
    assert few == ["strengths"]
    unopened = [r["Search words"] for r in rows if r["Section"] == "Nothing opened"]
    assert "partnership" in unopened and "mentoring" not in unopened


def test_yesterdays_searches_alone_with_wagtails_date_filter(moderator_client, demand):
    day = YESTERDAY.isoformat()
    rows = report_rows(moderator_client, f"&day_from={day}&day_to={day}")
    words = [r["Search words"] for r in rows if r["Section"] == "No results"]
    assert "robotics club" in words and "old question" not in words
    robotics = next(r for r in rows if r["Search words"] == "robotics club")
    assert robotics["Searches"] == "7"
    day = LAST_MONTH.isoformat()
    rows = report_rows(moderator_client, f"&day_from={day}&day_to={day}")
    old = next(r for r in rows if r["Search words"] == "old question")
    assert old["Trend"].startswith("10 in the last 7 days"), "the trend is the week before the window's end"


def test_demanded_but_thin_cells_and_filters(moderator_client, demand):
    rows = report_rows(moderator_client)
    cells = [r for r in rows if r["Section"] == "Demanded but thin: feature × lever"]
    assert len(cells) == 1 and cells[0]["Searches"] == "8" and cells[0]["Case studies found"] == "0"
    assert "shared-governance" in cells[0]["Search as readers saw it"]
    filters = [r for r in rows if r["Section"] == "Demanded but thin: filter"]
    assert len(filters) == 2 and {r["Searches"] for r in filters} == {"8"}


def test_the_report_downloads_as_xlsx(moderator_client, demand):
    response = moderator_client.get(reverse("insights:report") + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [c.value for c in next(sheet.iter_rows())]
    assert header[:3] == ["Section", "Search words", "Filters"]
    assert sheet.max_row == len(report_rows(moderator_client)) + 1


def test_each_row_links_to_the_search_and_to_a_prefilled_new_case_study(moderator_client, demand, index_page):
    html = moderator_client.get(reverse("insights:report")).content.decode()
    assert "3 searches looked like personal data" in html
    assert 'href="/case-studies/?q=robotics+club"' in html
    starts = [unescape(u) for u in re.findall(r'href="([^"]*/add/casestudies/casestudypage/[^"]*)"', html)]
    start = next(u for u in starts if "lever=sharing-what-works" in u)
    assert "feature=shared-governance" in start
    editor_html = moderator_client.get(start).content.decode()
    lever = re.search(r'<input[^>]*value="(\d+)"[^>]*>', editor_html)
    assert lever is not None
    from casestudies.models import PolicyLever, SuccessFeature

    lever_pk = PolicyLever.objects.get(slug="sharing-what-works").pk
    checked = re.search(rf'<input[^>]*name="policy_levers"[^>]*value="{lever_pk}"[^>]*>', editor_html).group()
    assert "checked" in checked
    feature_pk = SuccessFeature.objects.get(slug="shared-governance").pk
    assert re.search(rf'<option value="{feature_pk}" selected>', editor_html)
    plain = moderator_client.get(start.split("?")[0]).content.decode()
    unchecked = re.search(rf'<input[^>]*name="policy_levers"[^>]*value="{lever_pk}"[^>]*>', plain).group()
    assert "checked" not in unchecked


def test_editors_and_moderators_see_the_report_and_no_one_else(
    editor_in_group_client, moderator_client, client, django_user_model, demand
):
    for allowed in (editor_in_group_client, moderator_client):
        response = allowed.get(reverse("insights:report"))
        assert response.status_code == 200 and "robotics club" in response.content.decode()
    designer = django_user_model.objects.create_user("designer")
    designer.groups.add(Group.objects.get(name=COURSE_DESIGNERS))
    designer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(designer)
    response = client.get(reverse("insights:report"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert "What readers look for" not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.logout()
    assert client.get(reverse("insights:report")).status_code == 302
    assert client.get(reverse("insights:report") + "?export=csv").status_code == 302
