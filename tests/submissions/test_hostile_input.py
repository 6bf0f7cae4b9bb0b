"""Every string of the Big List of Naughty Strings through the submission form: never a 5xx,
nothing echoed unescaped, and what is saved is plain text."""

from html.parser import HTMLParser

import pytest
from django.test import Client

from casestudies.interchange import validate_record
from casestudies.models import CaseStudyPage
from submissions.drafting import record_for
from submissions.forms import SubmissionForm
from tests.naughty import naughty_strings

pytestmark = pytest.mark.django_db

STRINGS = naughty_strings()
CHUNK = 40
FIELDS = ("title", "partners", "activity", "features_why", "impact", "name", "role", "organisation")


class LiveMarkup(HTMLParser):
    """What a browser would run or load: scripts not from /static/, event-handler attributes,
    javascript: addresses, and embedded objects, as an HTML parser reads the page."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and not (attrs.get("src") or "").startswith("/static/"):
            self.found.append(tag)
        if tag in ("iframe", "object", "embed", "img", "svg", "math"):
            self.found.append(tag)
        for name, value in attrs.items():
            address = name in ("href", "src", "action", "formaction")
            if name.startswith("on") or address and (value or "").strip().lower().startswith(("javascript:", "data:")):
                if not (tag == "link" and name == "href" and value.startswith("data:image/svg")):  # the favicon
                    self.found.append(f"{tag} {name}")


def test_each_naughty_string_in_each_field_gets_a_form_answer_never_an_error(index_page, valid):
    client = Client()
    for index, text in enumerate(STRINGS):
        field = FIELDS[index % len(FIELDS)]
        # An invalid email keeps every post on the error path (nothing written): what is echoed.
        response = client.post("/submit/", {**valid, field: text, "email": "not-an-address"})
        assert response.status_code == 400, (field, text)
        assert LiveMarkup(response.content.decode()).found == [], (field, text)


def test_naughty_strings_saved_as_drafts_are_plain_text(index_page, valid):
    client = Client()
    saved = 0
    for start in range(0, len(STRINGS), CHUNK):
        chunk = STRINGS[start : start + CHUNK]
        data = {
            **valid,
            "title": chunk[0][:120] or "Untitled",
            "activity": "\n\n".join(chunk)[:5000],
            "features_why": "\n".join(chunk)[:3000],
            "partners": "\n".join(f"Partner {n}: {s[:200]}" for n, s in enumerate(chunk[:20])),
            "name": chunk[-1][:100],
        }
        response = client.post("/submit/", data)
        assert response.status_code in (302, 400), chunk
        if response.status_code == 302:
            saved += 1
            page = CaseStudyPage.objects.order_by("-pk").first()
            assert not page.live
            for block in page.latest_revision.as_object().story:
                assert LiveMarkup(str(block.value)).found == [], chunk
            assert LiveMarkup(page.title + page.summary).found == [], chunk
    assert saved >= len(STRINGS) // CHUNK // 2  # most chunks are fine text once stripped


def test_every_cleaned_submission_makes_a_valid_record(index_page, valid):
    for text in STRINGS:
        form = SubmissionForm({**valid, "title": text[:120], "activity": text[:5000] or "x", "partners": text[:200]})
        if form.is_valid():
            assert validate_record(record_for(form.cleaned_data)) == [], text


def test_any_text_in_any_field_gets_a_form_answer(index_page, valid):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    client = Client()
    names = [*FIELDS, "links", "email", "features", "website"]

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(field=st.sampled_from(names), text=st.text(max_size=300))
    def check(field, text):
        response = client.post("/submit/", {**valid, field: text})
        assert response.status_code in (302, 400), (field, text, response.status_code)
        if response.status_code == 400:
            assert LiveMarkup(response.content.decode()).found == [], (field, text)

    check()
