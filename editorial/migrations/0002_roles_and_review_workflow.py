"""Editors, Moderators and Administrators, and the "Evidence review" workflow.

Editors create and edit case studies and submit them for review but cannot publish;
Moderators review, request changes, publish and unpublish; Administrators also manage users,
groups and workflows. Wagtail's first migration already made the Editors and Moderators
groups; this one makes their permissions match those roles whatever they were before.
"""

from django.db import migrations

from editorial.roles import ADMINISTRATORS, EDITORS, MODERATORS, REVIEW_TASK, REVIEW_WORKFLOW, assign_review_workflow

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ADMINISTRATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
}
EDITORIAL = [("editorial", "importjob", "add_importjob"), ("editorial", "importjob", "view_importjob"),
             ("editorial", "importjob", "view_coverage")]
ADMIN_ACCESS = [("wagtailadmin", "admin", "access_admin")]
MODEL_PERMISSIONS = {
    EDITORS: ADMIN_ACCESS + EDITORIAL,
    MODERATORS: ADMIN_ACCESS + EDITORIAL,
    ADMINISTRATORS: ADMIN_ACCESS + EDITORIAL + [
        (app, model, f"{action}_{model}")
        for app, model in [("auth", "user"), ("auth", "group"), ("wagtailcore", "workflow"), ("wagtailcore", "task"),
                           ("wagtailcore", "site"), ("wagtailredirects", "redirect")]
        for action in ("add", "change", "delete")
    ],
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    # Permissions for models are normally made after all migrations; make them now if needed.
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return perm


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.filter(depth=1).first()
    groups = {}
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        wanted = [permission(apps, "wagtailcore", "page", c) for c in codenames]
        GroupPagePermission.objects.filter(group=group).exclude(permission__in=wanted).delete()
        if root is not None:
            for perm in wanted:
                GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)
        group.permissions.add(*[permission(apps, *spec) for spec in MODEL_PERMISSIONS[name]])

    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK, content_type=task_type, active=True)
    task.groups.set([groups[MODERATORS], groups[ADMINISTRATORS]])
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    CaseStudyIndexPage = apps.get_model("casestudies", "CaseStudyIndexPage")
    for index in CaseStudyIndexPage.objects.all():
        assign_review_workflow(index, Workflow, WorkflowPage)


def remove_roles(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=REVIEW_WORKFLOW).update(active=False)
    apps.get_model("auth", "Group").objects.filter(name=ADMINISTRATORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("casestudies", "0002_seed_taxonomies"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
