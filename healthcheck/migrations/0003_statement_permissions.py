"""Moderators and Administrators write, reword, reorder, add and remove health-check statements.
A saved statement is public at once (snippets have no review step), so, like publishing a case
study, it is for the roles that may publish; Editors can see the statements but not change them."""

from django.db import migrations

GROUPS = {
    "Editors": ["view"],
    "Moderators": ["add", "change", "delete", "view"],
    "Administrators": ["add", "change", "delete", "view"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="healthcheck", model="statement")
    for name, actions in GROUPS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for action in actions:
            perm, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_statement",
                defaults={"name": f"Can {action} health-check statement"},
            )
            group.permissions.add(perm)


class Migration(migrations.Migration):
    dependencies = [("healthcheck", "0002_seed_statements"), ("editorial", "0002_roles_and_review_workflow")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
