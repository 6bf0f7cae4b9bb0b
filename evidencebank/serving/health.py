"""`/healthz`: the database, the cache, search and the static files, as JSON.

200 when every part is well; 503 naming each part that is not. A missing static manifest
(collectstatic not run) is reported here as `static`, instead of every page becoming a 500.
"""

import uuid

from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

PROBE_STATIC = "css/site.css"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    if hasattr(cache, "check_connection"):
        cache.check_connection()  # a fail-soft cache hides its outage from every other call
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not return what was stored")
    cache.delete(key)


def check_search():
    from wagtail.search.backends import get_search_backend

    from casestudies.models.case_study import CaseStudyPage

    list(get_search_backend().search("healthz", CaseStudyPage.objects.live())[:1])


def check_static():
    """Asks the storage for a hashed name: a manifest storage without its manifest raises."""
    url = staticfiles_storage.url(PROBE_STATIC)
    if not url:
        raise RuntimeError("no address for the site's stylesheet")


CHECKS = {"database": check_database, "cache": check_cache, "search": check_search, "static": check_static}


def run_checks():
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
            results[name] = {"ok": True}
        except Exception as exc:  # noqa: BLE001 - a health check reports, never raises
            results[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
    return results


@never_cache
@require_safe
def healthz(request):
    results = run_checks()
    down = [name for name, result in results.items() if not result["ok"]]
    body = {"status": "ok" if not down else "unavailable", "down": down, "checks": results}
    return JsonResponse(body, status=503 if down else 200)
