"""Publish the corrected statements (healthcheck/seed.py STATEMENTS_V2) as a new version of the set.

Only while the statements still read exactly as migration 0002 seeded them: an editor's own set
is left alone (the content-quality checks still list its problems). Old result addresses keep
naming version 1, which stays stored as it was, so they keep resolving to the statements they
were answered on. Reversing removes the version this migration added and restores version 1's
statements."""

from django.db import migrations


def rows(apps):
    Statement = apps.get_model("healthcheck", "Statement")
    return [
        (s.feature.slug, s.text, s.guidance, s.source)
        for s in Statement.objects.select_related("feature").order_by("sort_order", "pk")
    ]


def answering_order(apps, statements):
    order = dict(apps.get_model("casestudies", "SuccessFeature").objects.values_list("slug", "sort_order"))
    frozen = [{"feature": f, "text": t, "guidance": g, "source": s} for f, t, g, s in statements]
    return sorted(frozen, key=lambda s: order[s["feature"]])


def replace(apps, before, after, make_version):
    Statement = apps.get_model("healthcheck", "Statement")
    StatementSet = apps.get_model("healthcheck", "StatementSet")
    if rows(apps) != [tuple(s) for s in before]:
        return
    features = {f.slug: f for f in apps.get_model("casestudies", "SuccessFeature").objects.all()}
    Statement.objects.all().delete()
    for n, (slug, text, guidance, source) in enumerate(after, start=1):
        Statement.objects.create(feature=features[slug], text=text, guidance=guidance, source=source, sort_order=n)
    latest = StatementSet.objects.order_by("-version").first()
    if make_version:
        StatementSet.objects.create(version=(latest.version + 1) if latest else 1, statements=answering_order(apps, after))
    elif latest is not None and latest.statements == answering_order(apps, before):
        latest.delete()


def forwards(apps, schema_editor):
    from healthcheck.seed import STATEMENTS, STATEMENTS_V2

    replace(apps, STATEMENTS, STATEMENTS_V2, make_version=True)


def backwards(apps, schema_editor):
    from healthcheck.seed import STATEMENTS, STATEMENTS_V2

    replace(apps, STATEMENTS_V2, STATEMENTS, make_version=False)


class Migration(migrations.Migration):
    dependencies = [("healthcheck", "0003_statement_permissions"), ("casestudies", "0014_proposals_and_practice_notes")]

    operations = [migrations.RunPython(forwards, backwards)]
