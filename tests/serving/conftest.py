import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def empty_caches():
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def response_cache(settings):
    settings.RESPONSE_CACHE_ENABLED = True
    return settings


@pytest.fixture
def rate_limits(settings):
    settings.RATE_LIMITS_ENABLED = True
    return settings
