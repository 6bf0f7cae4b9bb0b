import pytest
from django.core.cache import caches
from django.db import connection

from home.demo import build_page_tree
from tests.factories import make_case_study


@pytest.fixture
def page_tree(db):
    home, index = build_page_tree()
    return home, index


@pytest.fixture
def home_page(page_tree):
    return page_tree[0]


@pytest.fixture
def index_page(page_tree):
    return page_tree[1]


@pytest.fixture
def case_study(index_page):
    return make_case_study(index_page)


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def clear_caches():
    for cache in caches.all():
        if hasattr(cache, "_cache") and hasattr(cache._cache, "get_client"):
            # Redis: delete this run's keys only (the database may hold another suite's).
            client = cache._cache.get_client(write=True)
            for key in client.scan_iter(f"{cache.key_prefix}:*"):
                client.delete(key)
        else:
            cache.clear()


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts and ends with empty caches: the response cache is on in tests."""
    clear_caches()
    yield
    clear_caches()


@pytest.fixture
def no_response_cache(settings):
    """For a test that reads `response.context`: a page served from the response cache has none."""
    settings.RESPONSE_CACHE_ENABLED = False
    return settings


@pytest.fixture
def migrated_data_restored(django_db_blocker):
    """For transactional tests (a live server, another process): set up before the database
    fixtures, so torn down after them. Such a test ends by emptying every table; this puts back
    what the migrations wrote (the root page, the taxonomies, the groups, the workflow) for the
    tests that run after it. Ask for `django_db_serialized_rollback` beside it."""
    yield
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Browser tests check what Chromium renders, the same from either database: marked before
    `-m` selects, so .ci/run runs them in the SQLite pass only (docs/developers.md)."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.database_agnostic)
