"""Statements are edited as snippets in the admin; each change that alters the set makes a version."""

from django.contrib.auth.models import Group

from healthcheck.models import Statement, StatementSet


def test_the_statements_are_listed_in_the_admin(editor_client):
    response = editor_client.get("/admin/snippets/healthcheck/statement/")
    assert response.status_code == 200
    assert "Each partner&#x27;s contribution is measured against targets" in response.content.decode()


def test_rewording_a_statement_in_the_admin_makes_a_new_version(editor_client):
    statement = Statement.objects.get(text__startswith="Families hear about")
    response = editor_client.post(
        f"/admin/snippets/healthcheck/statement/edit/{statement.pk}/",
        {
            "feature": statement.feature_id,
            "text": "Families hear about the partnership from a teacher they trust.",
            "guidance": statement.guidance,
            "source": statement.source,
            "sort_order": statement.sort_order,
        },
    )
    assert response.status_code == 302
    latest = StatementSet.current()
    assert latest.version == 3  # version 2 is the corrected set of migration 0004
    assert "Families hear about the partnership from a teacher they trust." in [s["text"] for s in latest.statements]
    assert "Families hear about the partnership from school staff they already know and trust." in [
        s["text"] for s in StatementSet.objects.get(version=2).statements
    ]


def test_only_roles_that_may_publish_may_change_statements(db):
    def codenames(name):
        return set(
            Group.objects.get(name=name)
            .permissions.filter(codename__endswith="_statement")
            .values_list("codename", flat=True)
        )

    assert codenames("Editors") == {"view_statement"}
    assert codenames("Moderators") == {"add_statement", "change_statement", "delete_statement", "view_statement"}


def test_a_new_version_moves_the_findable_content_token_so_no_cached_page_outlives_it(db):
    from casestudies.models import FindableVersion

    before = FindableVersion.current()
    statement = Statement.objects.first()
    statement.save()  # unchanged: no new version, token kept
    assert FindableVersion.current() == before
    statement.text = "Reworded."
    statement.save()
    assert FindableVersion.current() != before
