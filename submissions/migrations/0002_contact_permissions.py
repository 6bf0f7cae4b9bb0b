"""Editors and Moderators may see, correct and delete submitters' contact details (nobody adds them
by hand: they come from the public form)."""

from django.db import migrations

from editorial.roles import EDITORS, MODERATORS


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="submissions", model="submittercontact")
    perms = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_submittercontact", defaults={"name": f"Can {action}"}
        )[0]
        for action in ("view", "change", "delete")
    ]
    for name in (EDITORS, MODERATORS):
        Group.objects.get_or_create(name=name)[0].permissions.add(*perms)


class Migration(migrations.Migration):
    dependencies = [("submissions", "0001_initial"), ("editorial", "0004_import_job_heartbeat_and_interruption")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
