"""Redis is killed under a running site and started again: the site keeps serving, uncached and
unthrottled, with no error page and one warning per worker process, and uses Redis again when
it is back. A real redis-server of the test's own (port 18202), killed with SIGKILL."""

import logging
import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from evidencebank.serving.cache import FailSoftRedisCache, _outages

from .services import wait_for

DOWNLOAD = "/case-studies/download/csv/"
READER_PATHS = ["/", "/case-studies/", "/case-studies/?q=maths", "/case-studies/fault-case-0/", "/robots.txt"]


@pytest.fixture
def fail_soft_cache(redis_server):
    _outages.clear()
    cache = FailSoftRedisCache(redis_server.url(0), {"KEY_PREFIX": "unit", "OPTIONS": {"retry_seconds": 0.3}})
    yield cache
    _outages.clear()


def test_the_cache_fails_soft_warns_once_and_comes_back(fail_soft_cache, redis_server, caplog):
    cache = fail_soft_cache
    cache.set("kept", "value")
    assert cache.get("kept") == "value"
    assert cache.add("count", 1) is True and cache.add("count", 1) is False and cache.incr("count") == 2
    redis_server.kill()
    with caplog.at_level(logging.INFO, logger="evidencebank.serving.cache"):
        for _ in range(20):  # a request's worth of calls, many times over
            assert cache.get("kept") is None
            assert cache.get("kept", "fallback") == "fallback"
            assert cache.add("limit", 1) is True  # as DummyCache: counted as the first request
            cache.set("other", 1)
            assert cache.get_many(["kept", "other"]) == {}
            assert cache.has_key("kept") is False
            with pytest.raises(ValueError):
                cache.incr("limit")
            cache.delete("kept")
        with pytest.raises(Exception):  # noqa: B017 - /healthz still sees the outage
            cache.check_connection()
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1 and "unreachable" in warnings[0].getMessage()

        redis_server.start()
        wait_for(lambda: cache.set("back", "yes") is None and cache.get("back") == "yes", 5, "Redis to be used again")
        assert any("reachable again" in r.getMessage() for r in caplog.records)
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1


def fetch_all(app, paths, times=2):
    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(app.get, paths * times))


def warnings_by_process(app):
    found = {}
    for event in app.log_events():
        if event.get("logger") == "evidencebank.serving.cache" and event.get("level") == "warning":
            pid = re.search(r"process (\d+)", event["event"]).group(1)
            found[pid] = found.get(pid, 0) + 1
    return found


def test_redis_killed_under_gunicorn(fault_database, redis_server, start_app):
    app = start_app(fault_database, redis_url=redis_server.url(0), workers=2)
    # Redis in use: the listing is cached, and downloads are limited to 20 a minute.
    wait_for(lambda: app.get("/case-studies/").headers["X-Cache"] == "hit", 10, "a cached listing")
    # The limit counts in fixed one-minute windows: a burst that crossed into the next window
    # would start counting again, so it starts with half a minute of its window left.
    wait_for(lambda: time.time() % 60 < 30, 35, "the first half of a rate-limit window", interval=0.5)
    assert [app.get(DOWNLOAD).status for _ in range(21)].count(429) == 1

    redis_server.kill()
    started = time.monotonic()
    responses = fetch_all(app, READER_PATHS, times=6)
    elapsed = time.monotonic() - started
    assert all(r.status == 200 for r in responses), [(r.url, r.status) for r in responses if r.status != 200]
    assert {r.headers["X-Cache"] for r in responses if r.url.endswith("/case-studies/")} <= {"miss"}
    assert [app.get(DOWNLOAD).status for _ in range(25)] == [200] * 25  # unthrottled
    health = app.get("/healthz")
    assert health.status == 503 and '"down": ["cache"]' in health.text
    warned = warnings_by_process(app)
    assert warned and len(warned) <= 2 and set(warned.values()) == {1}, warned
    print(
        f"\nRedis down: {len(responses)} reader requests in {elapsed:.2f} s, all 200 and uncached; "
        f"25 downloads unthrottled; warnings logged per worker process: {warned}"
    )

    redis_server.start()
    restarted = time.monotonic()
    wait_for(lambda: app.get("/case-studies/").headers["X-Cache"] == "hit", 20, "the cache to be used again")
    came_back = time.monotonic() - restarted
    assert app.get("/healthz").status == 200
    # Throttled again, the counts in Redis again. Each worker asks Redis again on its own 5 s
    # retry interval, so the one that did not serve the hit above may count nothing for a while:
    # wait for the condition, not for one burst of downloads to land on both.
    wait_for(lambda: 429 in [app.get(DOWNLOAD).status for _ in range(21)], 20, "downloads throttled again")
    assert set(warnings_by_process(app).values()) == {1}  # no new warnings
    print(f"Redis used again (a cache hit) {came_back:.1f} s after it was started again (retry interval 5 s)")
