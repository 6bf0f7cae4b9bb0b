"""The "Course designers" group: members reach the admin and may create and edit reading lists
(page permissions on the reading-list index, granted when that page exists) and nothing else;
publishing goes through the Evidence review workflow."""

from django.db import migrations

from editorial.roles import COURSE_DESIGNERS, assign_review_workflow, grant_reading_lists


def create_course_designers(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group, _ = Group.objects.get_or_create(name=COURSE_DESIGNERS)
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group.permissions.add(access)
    ReadingListIndexPage = apps.get_model("casestudies", "ReadingListIndexPage")
    for index_page in ReadingListIndexPage.objects.all():
        grant_reading_lists(index_page, Group, Permission, GroupPagePermission)
        assign_review_workflow(index_page, apps.get_model("wagtailcore", "Workflow"), apps.get_model("wagtailcore", "WorkflowPage"))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_roles_and_review_workflow"),
        ("casestudies", "0011_reading_lists"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_course_designers, migrations.RunPython.noop)]
