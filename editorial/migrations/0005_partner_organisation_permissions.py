"""Editors, Moderators and Administrators choose, create and correct partner organisations (a
snippet, chosen or created from the case-study form); only Administrators delete them."""

from django.db import migrations

from editorial.roles import ADMINISTRATORS, EDITORS, MODERATORS

GRANTS = {
    EDITORS: ["add", "change", "view"],
    MODERATORS: ["add", "change", "view"],
    ADMINISTRATORS: ["add", "change", "view", "delete"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="casestudies", model="partnerorganisation")
    for name, actions in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for action in actions:
            codename = f"{action}_partnerorganisation"
            perm, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": f"Can {action} partner organisation"},
            )
            group.permissions.add(perm)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_import_job_heartbeat_and_interruption"),
        ("casestudies", "0015_organisation_name_key"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
