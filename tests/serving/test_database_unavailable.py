"""The 503 page chosen for a database outage (the whole outage, on a real PostgreSQL cluster, is
tests/faults/test_database_down.py): rendered with no database, Retry-After, no script, the
site's stylesheet, and a 'not saved' message for an editor's post."""

from django.db import InterfaceError, OperationalError

from evidencebank.serving.errors import server_error


def failing(request, exc):
    """server_error as Django calls it: inside the except block of the unhandled exception."""
    try:
        raise exc
    except Exception:  # noqa: BLE001
        return server_error(request)


def test_a_lost_database_gives_the_503_page(rf):
    """No `db` fixture: pytest-django blocks the database, so any query would fail here."""
    request = rf.get("/case-studies/")
    request.request_id = "abc123def4567890"
    response = failing(request, OperationalError("connection refused"))
    html = response.content.decode()
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert "<h1>Back in a moment</h1>" in html and "abc123def4567890" in html
    assert "<script" not in html and "<style" not in html and "style=" not in html
    assert "css/site.css" in html and 'class="site-header' in html


def test_a_closed_connection_raised_from_another_error_counts_too(rf):
    try:
        raise InterfaceError("connection already closed")
    except InterfaceError as cause:
        wrapped = RuntimeError("while rendering")
        wrapped.__cause__ = cause
    assert failing(rf.get("/"), wrapped).status_code == 503


def test_an_editor_is_told_the_post_was_not_saved(rf):
    html = failing(rf.post("/admin/pages/5/edit/", {"title": "x"}), OperationalError("gone")).content.decode()
    assert "<h1>The editor is unavailable for a moment</h1>" in html
    assert "What you just sent was not saved" in html
    assert "not saved" not in failing(rf.get("/admin/"), OperationalError("gone")).content.decode()


def test_any_other_error_is_still_the_500_page(rf):
    response = failing(rf.get("/"), ValueError("a bug"))
    assert response.status_code == 500 and "Sorry, something went wrong" in response.content.decode()
    assert not response.has_header("Retry-After")
