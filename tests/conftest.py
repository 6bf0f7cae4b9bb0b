import pytest
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


@pytest.fixture
def migrated_data_restored(django_db_blocker):
    """For transactional tests (a live server, another process): set up before the database
    fixtures, so torn down after them. Such a test ends by emptying every table; this puts back
    what the migrations wrote (the root page, the taxonomies, the groups, the workflow) for the
    tests that run after it. Ask for `django_db_serialized_rollback` beside it."""
    yield
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
