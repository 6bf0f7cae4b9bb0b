"""The fifteen statements (healthcheck/seed.py) and version 1 of the statement set."""

from django.db import migrations


def seed(apps, schema_editor):
    from healthcheck.seed import STATEMENTS

    Statement = apps.get_model("healthcheck", "Statement")
    StatementSet = apps.get_model("healthcheck", "StatementSet")
    SuccessFeature = apps.get_model("casestudies", "SuccessFeature")
    if Statement.objects.exists():
        return
    features = {feature.slug: feature for feature in SuccessFeature.objects.all()}
    frozen = []
    for n, (slug, text, guidance, source) in enumerate(STATEMENTS, start=1):
        Statement.objects.create(feature=features[slug], text=text, guidance=guidance, source=source, sort_order=n)
        frozen.append({"feature": slug, "text": text, "guidance": guidance, "source": source})
    order = {slug: feature.sort_order for slug, feature in features.items()}
    frozen.sort(key=lambda s: order[s["feature"]])  # the answering order StatementSet.snapshot uses (stable)
    if not StatementSet.objects.exists():
        StatementSet.objects.create(version=1, statements=frozen)


def unseed(apps, schema_editor):
    apps.get_model("healthcheck", "StatementSet").objects.all().delete()
    apps.get_model("healthcheck", "Statement").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("healthcheck", "0001_initial"), ("casestudies", "0006_reword_taxonomy_seed_text")]

    operations = [migrations.RunPython(seed, unseed)]
