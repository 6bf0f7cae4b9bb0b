"""django-axes: repeated failed admin logins lock out the username and the address, logged."""

import logging

import pytest


@pytest.fixture
def axes_on(settings, db):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    return settings


@pytest.fixture
def admin_user(django_user_model, db):
    return django_user_model.objects.create_superuser("chief", "chief@example.org", "right-password")


def login(client, username, password, address="203.0.113.5"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_repeated_failures_lock_the_account_even_for_the_right_password(client, axes_on, admin_user, caplog):
    with caplog.at_level(logging.WARNING, logger="axes"):
        assert [login(client, "chief", "wrong").status_code for _ in range(3)] == [200, 200, 429]
        locked = login(client, "chief", "right-password")
    assert locked.status_code == 429
    assert "Sign-in locked" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    lockouts = [r.getMessage() for r in caplog.records if "Locking out" in r.getMessage()]
    assert lockouts and "chief" in lockouts[0] and "203.0.113.5" in lockouts[0]
    # The same username from another address is locked too (per user).
    assert login(client, "chief", "right-password", address="198.51.100.9").status_code == 429


def test_one_address_guessing_many_usernames_is_locked_out(client, axes_on, admin_user):
    for name in ("alice", "bob", "carol"):
        login(client, name, "guess")
    assert login(client, "chief", "right-password").status_code == 429
    # The account itself is fine from elsewhere.
    assert login(client, "chief", "right-password", address="198.51.100.9").status_code == 302


def test_a_successful_login_under_the_limit_works(client, axes_on, admin_user):
    login(client, "chief", "wrong")
    assert login(client, "chief", "right-password").status_code == 302
