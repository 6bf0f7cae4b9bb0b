"""/healthz: JSON naming what is down, 200 or 503."""

import pytest

from evidencebank.serving import health


@pytest.mark.django_db
def test_all_well_answers_200(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["down"] == []
    assert set(body["checks"]) == {"database", "cache", "search", "static"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_broken_cache_is_named(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["down"] == ["cache"]


@pytest.mark.django_db
def test_a_missing_static_manifest_is_named_not_a_500_later(client, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path  # collectstatic never ran here
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["down"] == ["static"]


@pytest.mark.django_db
def test_a_database_failure_is_named(client, monkeypatch):
    def broken():
        raise ConnectionError("database is down")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 503 and body["down"] == ["database"]
    assert "database is down" in body["checks"]["database"]["error"]
