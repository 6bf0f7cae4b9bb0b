"""Browser tests: Debian's Chromium driven by Playwright against a live test server.

One browser and one demo site per session, so the whole suite stays fast. The demo content
is loaded once, committed, by `demo_site`; these tests only read it. They are moved to the
end of the run so no other test sees that content, and the test database is thrown away at
the end of the session.
"""

import io
import os
import shutil
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Chromium must not reach for the network: this machine (and CI) has none.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EDITOR_PASSWORD = "browser-editor-password-not-secret"
# .ci/run sets this, so a missing browser fails CI instead of skipping.
REQUIRED = os.environ.get("BROWSER_TESTS") == "required"


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: runs in a real browser (Chromium via Playwright)")
    config.addinivalue_line("markers", "checkers: also needs axe-core, the Nu Html Checker and Java")


def missing_browser():
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (pip install -r requirements-test.txt)"
    if not CHROMIUM.exists():
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    return None


def missing_checkers():
    if not AXE_JS.exists() or not VNU_JAR.exists():
        return "axe-core and vnu-jar are not installed (npm ci --ignore-scripts)"
    if not shutil.which("java"):
        return "Java is not installed for the Nu Html Checker (apt-get install default-jre-headless)"
    return None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    # After pytest-django's own ordering: the committed demo content must not reach other tests.
    items[:] = [item for item in items if not item.get_closest_marker("browser")] + browser_items
    # Keyboard, no-JavaScript, print and image tests need only Chromium; the accessibility and
    # HTML checks also need the checkers.
    no_browser, no_checkers = missing_browser(), missing_checkers()
    reasons = []
    for item in browser_items:
        reason = no_browser or (no_checkers if item.get_closest_marker("checkers") else None)
        if reason is None:
            continue
        if REQUIRED:
            raise pytest.UsageError(f"BROWSER_TESTS=required but {reason}")
        item.add_marker(pytest.mark.skip(reason=f"Browser test skipped: {reason}"))
        reasons.append(reason)
    config._browser_skip_reason = ", and ".join(dict.fromkeys(reasons)) or None


def pytest_terminal_summary(terminalreporter, config):
    reason = getattr(config, "_browser_skip_reason", None)
    if reason:
        terminalreporter.write_line(f"Browser tests were SKIPPED: {reason}", yellow=True, bold=True)


def make_story_image():
    """A real raster image in Wagtail's library, so the image block is checked too."""
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    buffer = io.BytesIO()
    picture = PILImage.new("RGB", (1600, 900), (18, 53, 91))
    for x in range(0, 1600, 40):
        for y in range(0, 900, 40):
            if (x + y) // 40 % 2:
                picture.putpixel((x, y), (255, 221, 0))
    picture.save(buffer, format="JPEG")
    return Image.objects.create(
        title="Pupils at a university taster day",
        file=ImageFile(buffer, name="taster-day.jpg"),
    )


def add_rich_case_study(index):
    """A case study with every block type, an image and an impact table."""
    from tests.factories import make_case_study

    image = make_story_image()
    page = make_case_study(
        index,
        external_id="browser-rich-case",
        title="A university taster programme for a whole trust",
        summary="A trust and a university ran taster days for every Year 9 pupil, measured who "
        "applied to university, and kept going after the grant ended.",
        story=[
            {"type": "heading", "text": "The problem"},
            {"type": "paragraph", "text": "Few pupils in the trust had met anyone who studied at university."},
            {"type": "quote", "quote": "The visit made it real.", "attribution": "Year 9 pupil"},
            {"type": "key_fact", "figure": "1,200", "label": "pupils visited the campus", "source": "Trust records"},
        ],
        success_features=[
            {"feature": "shared-governance", "evidence": "A joint board met each term."},
            {"feature": "exciting-accessible", "evidence": "Families joined the visits."},
        ],
        purposes=["widening-participation"],
        phases=["secondary"],
        region="london",
        local_authority="Hounslow",
        start_year=2021,
        status="established",
        formality="mou",
        funding_model="grant",
        evidence_type=2,
        evidence_note="Application figures exist for three cohorts.",
        impact_measures=[
            {"measure": "Pupils applying to university", "baseline": "31%", "result": "44%", "source": "UCAS data"}
        ],
        barriers=["timetables"],
        barriers_note="Visits were planned a year ahead.",
        advice="Start with one year group.",
        sources=[
            {
                "title": "Taster days evaluation",
                "url": "https://example.org/evaluation",
                "publisher": "Example Trust",
                "year": 2024,
            }
        ],
        last_reviewed="2026-10-01",
    )
    story = list(page.story.raw_data)
    story.insert(
        2,
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Pupils in a lecture theatre", "caption": "A taster day"},
        },
    )
    page.story = story
    page.save_revision().publish()
    return page


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content behind a live server: returns the server's address and page paths."""
    from pytest_django.live_server_helper import LiveServer

    if missing_browser():
        pytest.skip(missing_browser())
    media = tempfile.mkdtemp(prefix="evidencebank-media-")
    media_override = override_settings(MEDIA_ROOT=media)
    media_override.enable()
    server = LiveServer("localhost")
    with django_db_blocker.unblock(), override_settings(WAGTAILADMIN_BASE_URL=server.url):
        call_command("load_demo_content", stdout=io.StringIO())
        from casestudies.models import CaseStudyIndexPage, CaseStudyPage

        index = CaseStudyIndexPage.objects.get()
        rich = add_rich_case_study(index)
        paths = {
            "rich_case_study": urlsplit(rich.full_url).path,
            "case_study": urlsplit(CaseStudyPage.objects.get(slug="kingston-reach-foundation-degrees").full_url).path,
        }
        published = [str(pk) for pk in CaseStudyPage.objects.published().order_by("pk").values_list("pk", flat=True)]
        for name, count in (("one", 1), ("two", 2), ("four", 4), ("five", 5)):
            paths[f"compare_{name}"] = ",".join(published[:count])
        ids = {"case_study": CaseStudyPage.objects.get(slug="kingston-reach-foundation-degrees").pk}
        from casestudies.models import ReadingListPage

        reading_list = ReadingListPage.objects.get(slug="no-partner-marks-its-own-homework")
        ids["reading_list"] = reading_list.pk
        paths["reading_list"] = urlsplit(reading_list.full_url).path
        paths["case_study_card"] = f"/cs/{ids['case_study']}/card/"
        paths["reading_list_card"] = f"/cs/{reading_list.pk}/card/"
        from django.contrib.auth import get_user_model

        # An editor for the admin's browser test (test_admin_csp.py).
        get_user_model().objects.create_superuser("browser-editor", "editor@example.org", EDITOR_PASSWORD)
        # The real roles, for the editorial journey (test_editorial_journey.py).
        from django.contrib.auth.models import Group

        from editorial.roles import EDITORS, MODERATORS

        roles = {}
        for role, group, full_name in (("editor", EDITORS, "Ada Editor"), ("moderator", MODERATORS, "Mo Moderator")):
            first, last = full_name.split()
            user = get_user_model().objects.create_user(
                f"browser-{role}-role", f"{role}@example.org", EDITOR_PASSWORD, first_name=first, last_name=last
            )
            user.groups.add(Group.objects.get(name=group))
            roles[role] = (user.username, EDITOR_PASSWORD)
        ids["index"] = index.pk
        ids["case_studies"] = list(CaseStudyPage.objects.order_by("pk").values_list("pk", flat=True))
    yield {
        "roles": roles,
        "url": server.url,
        "paths": paths,
        "ids": ids,
        "media_root": Path(media),
        "editor": ("browser-editor", EDITOR_PASSWORD),
    }
    server.stop()
    # Each kept-alive browser connection has its own request thread and database connection;
    # wait for them to close so the test database can be dropped (PostgreSQL refuses otherwise).
    for thread in threading.enumerate():
        if "process_request_thread" in thread.name:
            thread.join(timeout=10)
    close_stray_connections(django_db_blocker)
    media_override.disable()
    shutil.rmtree(media, ignore_errors=True)


def close_stray_connections(django_db_blocker):
    """End database sessions that Playwright's greenlets opened and Django cannot reach.

    Django keeps a connection per context; code run under Playwright's greenlets can open one
    that nothing closes, and PostgreSQL will not drop a test database that still has a session.
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture
def site(demo_site, db):
    """The demo site, with database access for the live server's thread while a test runs."""
    return demo_site


@pytest.fixture(scope="session")
def browser(demo_site):
    from playwright.sync_api import sync_playwright

    home = tempfile.mkdtemp(prefix="evidencebank-chromium-")
    # Playwright's event loop makes Django think it is in async code; the tests only read.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, env={**os.environ, "HOME": home}
        )
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    shutil.rmtree(home, ignore_errors=True)


def serve_media(context, site):
    """The live server serves static files but not media (whitenoise never serves media)."""

    def fulfil(route):
        relative = urlsplit(route.request.url).path.removeprefix(settings.MEDIA_URL)
        path = (site["media_root"] / relative).resolve()
        if site["media_root"] in path.parents and path.is_file():
            route.fulfill(path=str(path))
        else:
            route.fulfill(status=404, body="Not found")

    context.route(f"{site['url']}{settings.MEDIA_URL}**", fulfil)


def block_third_parties(context, site):
    """Any request that leaves the live server is a failure; record it and refuse it."""
    leaked = []

    def refuse(route):
        leaked.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(site["url"]) and not url.startswith("data:"), refuse)
    return leaked


@pytest.fixture(scope="session")
def _shared_context(browser, demo_site):
    context = browser.new_context(base_url=demo_site["url"], viewport={"width": 1280, "height": 900})
    serve_media(context, demo_site)
    context.leaked_requests = block_third_parties(context, demo_site)
    yield context
    context.close()


@pytest.fixture
def page(_shared_context, site):
    """A browser tab on the live demo site, reused across tests for speed."""
    tab = _shared_context.pages[0] if _shared_context.pages else _shared_context.new_page()
    _shared_context.leaked_requests.clear()
    yield tab
    assert not _shared_context.leaked_requests, f"Requests left the site: {_shared_context.leaked_requests}"


@pytest.fixture(scope="session")
def _narrow_context(browser, demo_site):
    context = browser.new_context(base_url=demo_site["url"], viewport={"width": 320, "height": 640})
    serve_media(context, demo_site)
    yield context
    context.close()


@pytest.fixture
def narrow_page(_narrow_context, site):
    """A tab 320 CSS pixels wide: a small phone, or a desktop browser zoomed to 400%."""
    return _narrow_context.pages[0] if _narrow_context.pages else _narrow_context.new_page()


@pytest.fixture
def new_context(browser, site):
    """A fresh browser context with options (JavaScript off, a phone's width); closed after."""
    contexts = []

    def make(**options):
        context = browser.new_context(base_url=site["url"], **options)
        serve_media(context, site)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
