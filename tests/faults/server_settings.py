"""What the fault tests' gunicorn runs: the production settings, with static files served from
the source folders (no collectstatic in a test) and a quick shutdown."""

from evidencebank.settings.production import *  # noqa: F401,F403
from evidencebank.settings.production import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
# No db_worker runs beside these servers: tasks (search-index updates) run in the request.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
