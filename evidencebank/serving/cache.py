"""Django's own RedisCache, made to fail soft: while Redis cannot be reached the site carries on
uncached and unthrottled, each process logs one warning when it loses Redis (and one line when
it has it back), and it uses Redis again by itself once Redis answers.

While Redis is out of reach every call answers as Django's DummyCache does (`get` gives the
default, `add` says stored, `set` and `delete` do nothing, `incr` raises ValueError): the
response cache misses and stores nothing, the rate limits count every request as the first
(so nobody is throttled), and Wagtail's own cache (site root paths) is worked out again each
time. After a failure a process does not ask Redis again for `RETRY_SECONDS` (5; option
`retry_seconds`), so an unreachable host costs one connection timeout per process every 5
seconds, not one per cache call.

Why not django-redis with IGNORE_EXCEPTIONS: it is another backend (its own client, options and
pooling) to swap in for one behaviour; it logs every ignored exception (one line per cache call,
several per request) or none; and it tries Redis on every call, so an unreachable host costs a
connection timeout on each. This subclass keeps Django's backend and adds only those two things.
"""

import logging
import os
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_SECONDS = 5


def describe(location):
    """host:port/db of a Redis URL, never its password."""
    parts = urlsplit(location)
    return f"{parts.hostname}:{parts.port or 6379}{parts.path or '/0'}"


class Outage:
    """Whether this process has lost one Redis, shared by every thread's backend instance."""

    def __init__(self, where, retry_seconds):
        self.where = where
        self.retry_seconds = retry_seconds
        self.lock = threading.Lock()
        self.down = False
        self.next_try = 0.0

    def skip(self):
        return self.down and time.monotonic() < self.next_try

    def failed(self, exc):
        with self.lock:
            self.next_try = time.monotonic() + self.retry_seconds
            if self.down:
                return
            self.down = True
        logger.warning(
            "Redis at %s is unreachable (%s: %s): process %s serves without the cache and the rate "
            "limits, and tries Redis again every %s s",
            self.where, type(exc).__name__, exc, os.getpid(), self.retry_seconds,
        )  # fmt: skip

    def succeeded(self):
        if not self.down:
            return
        with self.lock:
            if not self.down:
                return
            self.down = False
        logger.info("Redis at %s is reachable again: process %s uses it again", self.where, os.getpid())


_outages = {}
_outages_lock = threading.Lock()


def outage_for(location, retry_seconds):
    with _outages_lock:
        return _outages.setdefault(location, Outage(describe(location), retry_seconds))


class KeyMissing(ValueError):
    pass


def raise_missing(key):
    raise KeyMissing(f"Key '{key}' not found (the cache is unreachable)")


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client makes a new `redis.Redis` for every call, and each one builds its table
    of about 170 response callbacks: half a millisecond of a cached page's time. The client
    holds no connection of its own (its pool does), so one per pool is reused."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = super().get_client(key, write=write)
        return client


class FailSoftRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        retry_seconds = options.pop("retry_seconds", RETRY_SECONDS)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusedClientRedisCacheClient
        self.outage = outage_for(",".join(self._servers), retry_seconds)

    def _soft(self, name, fallback, *args):
        """RedisCache's method `name`, or `fallback()` while Redis is out of reach."""
        if self.outage.skip():
            return fallback()
        try:
            result = getattr(super(), name)(*args)
        except UNREACHABLE as exc:
            self.outage.failed(exc)
            return fallback()
        self.outage.succeeded()
        return result

    def check_connection(self):
        """For /healthz: raises when Redis does not answer, whatever the fail-soft state; when
        it answers, this process uses it again at once."""
        try:
            self._cache.get_client(write=True).ping()
        except UNREACHABLE as exc:
            self.outage.failed(exc)
            raise
        self.outage.succeeded()

    # What each call answers while Redis is out of reach: what Django's DummyCache answers.
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft("add", lambda: True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._soft("get", lambda: default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft("set", lambda: None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft("touch", lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._soft("delete", lambda: False, key, version)

    def get_many(self, keys, version=None):
        return self._soft("get_many", dict, keys, version)

    def has_key(self, key, version=None):
        return self._soft("has_key", lambda: False, key, version)

    def incr(self, key, delta=1, version=None):
        return self._soft("incr", lambda: raise_missing(key), key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft("set_many", list, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._soft("delete_many", lambda: None, keys, version)

    def clear(self):
        return self._soft("clear", lambda: False)
