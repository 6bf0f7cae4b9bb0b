"""The editorial journey in Chromium with the real roles: an editor writes a case study naming a
new partner organisation (created from the form), previews it in the side panel and submits it;
a moderator requests changes with a comment; the editor sees the comment, fixes the page and
resubmits; the moderator approves and it is published, and readers find it. And every demo case
study takes a one-word title change as a draft.

With UPDATE_GUIDE_SCREENSHOTS=1 the screenshots replace docs/images/editors/ (docs/editors.md)."""

import io
import os
import re

import pytest
from playwright.sync_api import expect

from .conftest import ROOT, block_third_parties

pytestmark = pytest.mark.browser

TITLE = "A trust and a college share their science technicians"
ORGANISATION = "Thameside Science College"
COMMENT = "Say which source reports the shared timetable, and add it under Sources."
GUIDE_IMAGES = ROOT / "docs" / "images" / "editors"


def shoot(tab, name, target=None):
    """A small PNG for the editors' guide: 64 colours, at most 1,000 pixels wide."""
    from PIL import Image

    png = (target or tab).screenshot()
    if not os.environ.get("UPDATE_GUIDE_SCREENSHOTS"):
        return
    image = Image.open(io.BytesIO(png)).convert("RGB")
    if image.width > 1000:
        image = image.resize((1000, round(image.height * 1000 / image.width)))
    image.quantize(colors=64).save(GUIDE_IMAGES / f"{name}.png", optimize=True)


@pytest.fixture
def sign_in(browser, site):
    contexts = []

    def open_as(role):
        context = browser.new_context(base_url=site["url"], viewport={"width": 1280, "height": 900})
        context.leaked = block_third_parties(context, site)
        contexts.append(context)
        tab = context.new_page()
        username, password = site["roles"][role]
        tab.goto("/admin/login/")
        tab.get_by_label("Username").fill(username)
        tab.get_by_label("Password").fill(password)
        tab.get_by_role("button", name="Sign in").click()
        tab.wait_for_url("**/admin/")
        return tab

    yield open_as
    for context in contexts:
        for tab in context.pages:
            leave_editor(tab)
        assert not context.leaked, context.leaked
        context.close()


def leave_editor(tab):
    """Leave the page editor, whose background requests (autosave, the preview) must not run on
    into the next step: the live server shares one connection to the in-memory test database."""
    tab.goto("about:blank")


def open_tab(tab, name):
    tab.get_by_role("tab", name=name, exact=True).click()
    expect(tab.get_by_role("tabpanel", name=name)).to_be_visible()


def more_actions(tab, action):
    """An action from the menu beside the editor's main button (Save draft)."""
    tab.locator("footer").get_by_role("button", name="More actions").click()
    tab.locator("footer").get_by_role("button", name=action, exact=True).click()


def test_an_editor_and_a_moderator_take_a_case_study_from_draft_to_published(sign_in, site):
    editor = sign_in("editor")
    editor.goto(f"/admin/pages/add/casestudies/casestudypage/{site['ids']['index']}/")
    editor.locator("#id_title").fill(TITLE)
    editor.locator("#id_summary").fill(
        "A multi-academy trust and a further-education college employ three science technicians "
        "between them, so every school can run the required practicals."
    )

    # A partner the bank does not know yet: created from the chooser, without leaving the form.
    open_tab(editor, "Partners")
    editor.get_by_role("button", name="Add partner").click()
    editor.get_by_role("button", name="Choose partner organisation").click()
    modal = editor.locator(".modal-dialog")
    modal.get_by_role("tab", name="Create a new organisation").click()
    modal.get_by_label("Name").fill(ORGANISATION)
    modal.get_by_label("Type of organisation").select_option(value="fe-college")
    shoot(editor, "01-create-organisation", modal.locator(".modal-content"))
    modal.get_by_role("button", name="Create a new organisation").click()
    expect(modal).to_be_hidden()
    expect(editor.get_by_role("tabpanel", name="Partners")).to_contain_text(ORGANISATION)

    open_tab(editor, "Success features")
    editor.locator("#id_feature_evidence-0-feature").select_option(label="Each partner does what it does best")
    editor.locator("#id_feature_evidence-0-evidence").fill(
        "The college trains the technicians; the schools timetable them."
    )
    open_tab(editor, "Evidence and impact")
    editor.locator("#id_evidence_type").select_option(value="1")
    open_tab(editor, "Story")

    # The preview panel shows the page inside the editor (its own origin may frame it).
    editor.get_by_role("button", name="Toggle preview").click()
    frame = editor.frame_locator("#w-preview-iframe")
    expect(frame.locator("h1")).to_have_text(TITLE)
    expect(frame.locator("body")).to_contain_text(ORGANISATION)
    shoot(editor, "02-preview")
    editor.get_by_role("button", name="Toggle preview").click()

    more_actions(editor, "Submit to Evidence review")
    expect(editor.locator(".messages")).to_contain_text("submitted", timeout=30_000)
    edit_link = editor.locator(".messages").get_by_role("link", name="Edit").first.get_attribute("href")
    page_id = int(re.search(r"/pages/(\d+)/edit/", edit_link).group(1))

    # The moderator asks for changes, with a comment, and is told the editor knows.
    moderator = sign_in("moderator")
    moderator.goto(f"/admin/pages/{page_id}/edit/")
    more_actions(moderator, "Request changes")
    dialog = moderator.locator(".modal-dialog")
    dialog.get_by_label("Comment").fill(COMMENT)
    shoot(moderator, "03-request-changes", dialog.locator(".modal-content"))
    dialog.get_by_role("button", name="Request changes").click()
    expect(moderator.locator(".messages")).to_contain_text(
        "Changes requested from Ada Editor; they have been notified.", timeout=30_000
    )
    leave_editor(moderator)

    # The editor sees the comment, and who wrote it, at the top of the edit page.
    editor.goto(f"/admin/pages/{page_id}/edit/")
    comment = editor.locator("[data-review-comment]")
    expect(comment).to_contain_text("Mo Moderator requested changes")
    expect(comment).to_contain_text(COMMENT)
    shoot(editor, "04-comment-on-edit-page", comment)
    open_tab(editor, "Sources")
    editor.get_by_role("button", name="Add source").click()
    editor.locator("#id_sources-0-title").fill("[The trust's report to governors on shared technicians]")
    editor.locator("#id_sources-0-publisher").fill("The trust")
    editor.locator("#id_sources-0-year").fill("2025")
    more_actions(editor, "Resubmit to Moderator review")
    expect(editor.locator(".messages")).to_contain_text("has been submitted for moderation", timeout=30_000)
    leave_editor(editor)

    # The moderator approves; the page is published and readers find it.
    moderator.goto(f"/admin/pages/{page_id}/edit/")
    expect(moderator.locator("[data-review-comment]")).to_have_count(0)
    more_actions(moderator, "Approve and Publish")
    expect(moderator.locator(".messages")).to_contain_text("has been updated", timeout=30_000)
    leave_editor(moderator)

    reader = moderator.context.browser.new_page(base_url=site["url"])
    try:
        reader.goto("/case-studies/")
        expect(reader.get_by_role("link", name=TITLE)).to_be_visible()
        reader.goto("/case-studies/?q=technicians")
        expect(reader.get_by_role("link", name=TITLE)).to_be_visible()
        reader.get_by_role("link", name=TITLE).click()
        expect(reader.locator("h1")).to_have_text(TITLE)
        expect(reader.locator("main")).to_contain_text(ORGANISATION)
    finally:
        reader.close()


def test_an_editor_revises_the_title_of_every_demo_case_study_and_saves_a_draft(sign_in, site):
    editor = sign_in("editor")
    for page_id in site["ids"]["case_studies"]:
        response = editor.goto(f"/admin/pages/{page_id}/edit/")
        assert response.status == 200, (page_id, response.status, editor.content()[:3000])
        title = editor.locator("#id_title")
        title.fill(title.input_value() + " (revised)")
        editor.locator("footer").get_by_role("button", name="Save draft").click()
        expect(editor.locator(".messages")).to_contain_text("has been updated", timeout=15_000)
        expect(editor.locator(".error-message, .help-critical")).to_have_count(0)
        assert editor.locator("#id_title").input_value().endswith(" (revised)")
