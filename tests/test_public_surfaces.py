"""One walk over every public surface a reader or a machine can reach (pages, permanent and
versioned links, citation files, downloads, ...): none shows a draft, a private page or an
unpublished revision. Add each new public surface to `surfaces`."""

import re

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from casestudies.models import CaseStudyPage
from tests.casestudies.test_reading_lists import make_reading_list
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db

SECRETS = (
    "Secret draft partnership",
    "Secret private partnership",
    "Secret unpublished revision",
    "Secret draft list",
    "Secret private list",
    "Secret note on a hidden item",
)


@pytest.fixture
def mixed(home_page, index_page):
    public = make_case_study(index_page, title="Public partnership")
    draft = make_case_study(index_page, publish=False, title=SECRETS[0])
    private = make_case_study(index_page, title=SECRETS[1])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    changed = CaseStudyPage.objects.get(pk=public.pk)
    changed.title = SECRETS[2]
    changed.summary = SECRETS[2]
    changed.change_summary = SECRETS[2]
    changed.save_revision()  # a draft revision of a live page, never published
    public_list = make_reading_list(
        home_page, [public, draft, private], title="Public list", notes=["Read it.", SECRETS[5], SECRETS[5]]
    )
    draft_list = make_reading_list(home_page, [public], publish=False, title=SECRETS[3])
    private_list = make_reading_list(home_page, [public], title=SECRETS[4])
    PageViewRestriction.objects.create(page=private_list, restriction_type="login")
    public.lists = (public_list, draft_list, private_list)
    return public, draft, private


def surfaces(public, draft, private):
    """(address, whether it must answer 200) for every public surface."""
    pages = [(f"/case-studies/{public.slug}/", True), ("/", True), ("/case-studies/", True)]
    for page in (public, draft, private):
        ok = page is public
        pages += [
            (f"/cs/{page.pk}/", ok),
            (f"/cs/{page.pk}/v/1/", ok),
            (f"/cs/{page.pk}/v/2/", False),
        ]
        for extension in ("ris", "bib", "json"):
            pages += [
                (f"/cs/{page.pk}/cite.{extension}", ok),
                (f"/cs/{page.pk}/v/1/cite.{extension}", ok),
                (f"/cs/{page.pk}/v/2/cite.{extension}", False),
            ]
    for page in (public, draft, private):
        pages.append((f"/api/v1/case-studies/{page.pk}/", page is public))
        pages.append((f"/cs/{page.pk}/card/", page is public))
        pages.append((f"/oembed/?url=http://testserver/cs/{page.pk}/", page is public))
    public_list, draft_list, private_list = public.lists
    pages += [(public_list.url, True), ("/reading-lists/", True)]
    for reading_list in public.lists:
        ok = reading_list is public_list
        pages.append((f"/cs/{reading_list.pk}/", ok))
        pages.append((f"/cs/{reading_list.pk}/card/", ok))
        pages.append((f"/api/v1/reading-lists/{reading_list.pk}/", ok))
        pages.append((f"/oembed/?url=http://testserver/cs/{reading_list.pk}/", ok))
        pages.append((f"/feeds/reading-lists/{reading_list.pk}.atom", ok))
        for extension in ("ris", "bib", "csv", "json"):
            pages.append((f"/cs/{reading_list.pk}/list.{extension}", ok))
    pages += [
        ("/feeds/case-studies.atom", True),
        ("/feeds/case-studies.atom?phase=secondary&q=secret", True),
        ("/feeds/features/play-to-strengths.atom", True),
        ("/feeds/levers/sharing-what-works.atom", True),
        ("/case-studies/features/play-to-strengths/", True),
        ("/sitemap.xml", True),
        ("/robots.txt", True),
        ("/api/v1/", True),
        ("/api/v1/case-studies/?limit=100", True),
        ("/api/v1/case-studies/?q=secret", True),
        ("/api/v1/taxonomies/", True),
        ("/api/v1/reading-lists/", True),
        ("/api/v1/reading-lists/?feature=play-to-strengths&limit=100", True),
        ("/case-studies/download/json/", True),
        ("/case-studies/download/csv/", True),
        ("/case-studies/suggest/?q=secret", True),
        ("/submit/", True),
        ("/submit/sent/", True),
        ("/submit/privacy/", True),
    ]
    return pages


def test_no_public_surface_shows_a_draft_a_private_page_or_an_unpublished_revision(mixed):
    client = Client()
    for address, must_answer in surfaces(*mixed):
        response = client.get(address, follow=True)
        if must_answer:
            assert response.status_code == 200, address
        else:
            assert response.status_code in (404, 410), address
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode() + "".join(f"{k}: {v}" for k, v in response.items())
        for secret in SECRETS:
            assert secret.lower() not in text.lower(), (address, secret)


def test_no_public_surface_shows_a_submitters_contact_details(mixed):
    from tests.submissions.conftest import CONTACT_DETAILS, VALID

    client = Client()
    assert client.post("/submit/", VALID).status_code == 302
    submitted = CaseStudyPage.objects.get(title=VALID["title"])
    submitted.get_latest_revision().publish()
    submitted.refresh_from_db()
    pk = submitted.pk
    addresses = (
        [address for address, _ in surfaces(*mixed)]
        + [
            submitted.url,
            f"/cs/{pk}/",
            f"/cs/{pk}/v/1/",
            f"/cs/{pk}/card/",
            f"/oembed/?url=http://testserver/cs/{pk}/",
            f"/api/v1/case-studies/{pk}/",
            "/api/v1/case-studies/?q=riverside",
            "/case-studies/?q=riverside",
            "/feeds/case-studies.atom?q=riverside",
            "/case-studies/download/json/?q=riverside",
            "/case-studies/download/csv/?q=riverside",
        ]
        + [f"/cs/{pk}/cite.{extension}" for extension in ("ris", "bib", "json")]
    )
    for address in addresses:
        response = client.get(address, follow=True)
        assert response.status_code < 500, address
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = (body.decode() + "".join(f"{k}: {v}" for k, v in response.items())).lower()
        for detail in CONTACT_DETAILS:
            assert detail.lower() not in text, (address, detail)
    assert "Riverside maths partnership" in client.get("/case-studies/?q=riverside").content.decode()
    # Search finds the case study by its public words (the partner "Riverside Academy Trust") and
    # never by a word that only the submitter's contact details hold.
    public_words = set(re.findall(r"\w+", client.get(submitted.url).content.decode().lower()))
    for detail in CONTACT_DETAILS:
        private_words = [word for word in re.findall(r"\w+", detail.lower()) if word not in public_words]
        assert private_words, detail
        found = client.get("/api/v1/case-studies/", {"q": " ".join(private_words), "exact": "1"}).json()
        assert all(result["id"] != pk for result in found["results"]), (detail, private_words)
