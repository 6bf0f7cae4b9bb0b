import pytest
from django.core.cache import caches


def clear():
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
    clear()
    yield
    clear()


@pytest.fixture
def response_cache(settings):
    settings.RESPONSE_CACHE_ENABLED = True
    return settings


@pytest.fixture
def rate_limits(settings):
    settings.RATE_LIMITS_ENABLED = True
    return settings
