"""The process a fault test kills: a management command, or one admin form posted by a signed-in
user through Django's whole request stack, optionally paused inside the work.

    python -m tests.faults.process [--pause-on-save app.Model --nth N [--created]] [--database-tasks]
        manage COMMAND ARGS...
        post USERNAME URL FORM_DATA.json

`--pause-on-save` stops the process at the N-th post_save of that model (inside whatever
transaction is open then): it prints PAUSED on standard output and waits for a line on standard
input, so the test looks at the database while the work is half done and then kills it. The
test waits on that line, never on time.
"""

import argparse
import json
import os
import sys


def pause_on_save(label, nth, created_only):
    from django.apps import apps
    from django.db.models.signals import post_save

    model = apps.get_model(label)
    seen = {"count": 0}

    def pause(sender, created=False, **kwargs):
        if created_only and not created:
            return
        seen["count"] += 1
        if seen["count"] == nth:
            print("PAUSED", flush=True)
            sys.stdin.readline()

    post_save.connect(pause, sender=model, weak=False, dispatch_uid="fault-test-pause")


def post_form(username, url, data_file):
    from django.contrib.auth import get_user_model
    from django.test import Client

    with open(data_file) as f:
        data = json.load(f)
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    response = client.post(url, data)
    print(f"STATUS {response.status_code}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pause-on-save")
    parser.add_argument("--nth", type=int, default=1)
    parser.add_argument("--created", action="store_true")
    parser.add_argument("--database-tasks", action="store_true")
    parser.add_argument("mode", choices=["manage", "post"])
    parser.add_argument("args", nargs=argparse.REMAINDER)
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evidencebank.settings.test")
    from django.conf import settings

    if options.database_tasks:  # production's task backend, as `manage.py db_worker` needs
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    import django

    django.setup()
    if options.pause_on_save:
        pause_on_save(options.pause_on_save, options.nth, options.created)
    if options.mode == "manage":
        from django.core.management import execute_from_command_line

        execute_from_command_line(["manage.py", *options.args])
    else:
        post_form(*options.args)


if __name__ == "__main__":
    main()
