"""Framing as browsers enforce it: a page on another origin (another port on loopback) frames a
card and a case-study page; the card shows, the case-study page is refused. Twice: the second
time both come from the response cache."""

import random
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

EMBEDDER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A course page elsewhere</title></head>
<body>
<h1>Week 3 reading</h1>
<iframe name="card" src="{site}{card}" width="480" height="320" title="Card"
  onload="document.body.dataset.card = 'loaded'"></iframe>
<iframe name="list" src="{site}{list_card}" width="480" height="320" title="Reading-list card"
  onload="document.body.dataset.list = 'loaded'"></iframe>
<iframe name="page" src="{site}{page}" width="480" height="320" title="Case study"
  onload="document.body.dataset.page = 'loaded'"></iframe>
</body></html>
"""


@pytest.fixture
def other_origin(site):
    """A plain HTML page served from another origin: 127.0.0.1 on a port of its own (the live
    server is at localhost on another port)."""
    paths = site["paths"]
    body = EMBEDDER.format(
        site=site["url"], card=paths["case_study_card"], list_card=paths["reading_list_card"], page=paths["case_study"]
    ).encode()

    class Embedder(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    for _ in range(20):
        try:
            server = ThreadingHTTPServer(("127.0.0.1", random.randint(20000, 29999)), Embedder)
            break
        except OSError:
            continue
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/course.html"
    server.shutdown()
    server.server_close()


def test_another_site_can_frame_cards_but_not_a_case_study_page(new_context, site, other_origin):
    from casestudies.models import CaseStudyPage, ReadingListPage

    title = CaseStudyPage.objects.get(pk=site["ids"]["case_study"]).title
    list_title = ReadingListPage.objects.get(pk=site["ids"]["reading_list"]).title
    tab = new_context().new_page()
    served = {}
    tab.on("response", lambda response: served.setdefault(response.url, []).append(response.headers.get("x-cache")))
    card_url = site["url"] + site["paths"]["case_study_card"]
    for visit in ("cold", "cached"):
        response = tab.goto(other_origin)
        assert response.status == 200, visit
        body = tab.locator("body")
        # Every frame has finished loading (a refused frame still fires `load`, on an error page).
        for frame in ("card", "list", "page"):
            expect(body).to_have_attribute(f"data-{frame}", "loaded")
        expect(tab.frame_locator("iframe[name=card]").locator("h1")).to_have_text(title)
        expect(tab.frame_locator("iframe[name=list]").locator("h1")).to_have_text(list_title)
        # Refused: Chromium puts its own error page in the frame, never the case study.
        assert tab.frame(name="page").url.startswith("chrome-error://"), visit
        expect(tab.frame_locator("iframe[name=page]").locator("body")).not_to_contain_text(title)
    assert served[card_url][-1] == "hit"  # the second time, the card came from the response cache
