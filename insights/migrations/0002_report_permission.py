"""Editors and Moderators may see the "What readers look for" report."""

from django.db import migrations

from editorial.roles import EDITORS, MODERATORS

CODENAME = "view_search_report"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="insights", model="dailysearch")
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": "Can see what readers look for"}
    )
    for name in (EDITORS, MODERATORS):
        Group.objects.get_or_create(name=name)[0].permissions.add(perm)


class Migration(migrations.Migration):
    dependencies = [("insights", "0001_initial"), ("editorial", "0004_import_job_heartbeat_and_interruption")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
