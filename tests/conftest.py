import pytest

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


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Browser tests check what Chromium renders, the same from either database: marked before
    `-m` selects, so .ci/run runs them in the SQLite pass only (docs/developers.md)."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.database_agnostic)
