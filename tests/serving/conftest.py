import pytest


@pytest.fixture
def response_cache(settings):
    # On by default in tests (evidencebank/settings/test.py); named here so the tests that check
    # the cache still say so.
    settings.RESPONSE_CACHE_ENABLED = True
    return settings


@pytest.fixture
def rate_limits(settings):
    settings.RATE_LIMITS_ENABLED = True
    return settings
