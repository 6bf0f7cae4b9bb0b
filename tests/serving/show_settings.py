"""Run as a script: production settings under each of several environments, as JSON.

Reads `{"base": {...}, "cases": {"name": {...}}}` on standard input. For each case the process
environment becomes exactly `base` + the case (nothing inherited from the parent's DJANGO_,
AWS_ or REDIS_ variables), `evidencebank.settings.production` is imported afresh (with base.py,
so every value is read again), and the result and the objects built from it (the media storage,
Wagtail's purge backends) are recorded; a start-up refusal is recorded as its one stderr line.
One interpreter for every case keeps the configuration tests fast.
"""

import contextlib
import importlib
import io
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = ("evidencebank.settings.production", "evidencebank.settings.base", "evidencebank.settings")


def load(environment):
    os.environ.clear()
    os.environ.update(environment)
    for name in MODULES:
        sys.modules.pop(name, None)
    errors = io.StringIO()
    try:
        with contextlib.redirect_stderr(errors):
            return importlib.import_module("evidencebank.settings.production"), None
    except SystemExit:
        return None, errors.getvalue().strip()


def describe(module):
    from django.utils.module_loading import import_string
    from wagtail.contrib.frontend_cache.utils import get_backends

    found = {
        "session_engine": getattr(module, "SESSION_ENGINE", "django.contrib.sessions.backends.db"),
        "cache": module.CACHES["default"],
        "search": module.WAGTAILSEARCH_BACKENDS["default"],
        "frontend_cache": getattr(module, "WAGTAILFRONTENDCACHE", None),
        "frontend_cache_installed": "wagtail.contrib.frontend_cache" in module.INSTALLED_APPS,
        "tasks": module.TASKS["default"]["BACKEND"],
        "task_worker_installed": "django_tasks_db" in module.INSTALLED_APPS,
        "instance": module.INSTANCE_NAME,
    }
    storage = module.STORAGES["default"]
    found["storage"] = storage["BACKEND"]
    if storage["BACKEND"] == "storages.backends.s3.S3Storage":
        media = import_string(storage["BACKEND"])(**storage["OPTIONS"])
        client = media.connection.meta.client  # built locally: no request leaves the machine
        found["s3"] = {
            "bucket": media.bucket_name,
            "endpoint": client.meta.endpoint_url,
            "region": client.meta.region_name,
            "access_key": client._request_signer._credentials.access_key,
            "custom_domain": media.custom_domain,
        }
    found["purgers"] = {}
    for name, backend in get_backends(found["frontend_cache"] or {}).items():
        simple = {k: v for k, v in vars(backend).items() if isinstance(v, (str, int, type(None)))}
        if hasattr(backend, "client"):
            simple["access_key"] = backend.client._request_signer._credentials.access_key
        found["purgers"][name] = {"class": type(backend).__name__, **simple}
    return found


def main():
    sys.path.insert(0, str(ROOT))
    request = json.load(sys.stdin)
    import django
    from django.conf import settings

    # Django itself configured once with its defaults, for the objects built from each case.
    settings.configure()
    django.setup()
    results = {}
    import boto3

    for name, case in request["cases"].items():
        boto3.DEFAULT_SESSION = None  # boto3 keeps the credentials it found: find them again
        module, error = load({**request["base"], **case})
        results[name] = {"error": error} if module is None else describe(module)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
