import pytest
from django.contrib.auth.models import Group
from django.test import Client

from editorial.roles import ADMINISTRATORS, EDITORS, MODERATORS


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return member_of(django_user_model, EDITORS, "ed")


@pytest.fixture
def moderator(db, django_user_model):
    return member_of(django_user_model, MODERATORS, "mo")


@pytest.fixture
def administrator(db, django_user_model):
    return member_of(django_user_model, ADMINISTRATORS, "ad")


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_in_group_client(editor):
    return client_for(editor)


@pytest.fixture
def moderator_client(moderator):
    return client_for(moderator)


@pytest.fixture
def administrator_client(administrator):
    return client_for(administrator)
