import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("casestudies", "0002_seed_taxonomies")]

    operations = [
        migrations.CreateModel(
            name="Statement",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("text", models.CharField(help_text="A statement a partnership answers: not yet, starting, mostly or fully. Write it so that 'fully' is clearly good practice.", max_length=255)),
                ("guidance", models.TextField(help_text="What good looks like, in our words, from the sources: shown to readers who score low.")),
                ("source", models.CharField(help_text="The passage the statement comes from, e.g. 'Vainker and Slavinsky (2024), Features of successful partnerships, fourth feature'.", max_length=255)),
                ("sort_order", models.PositiveSmallIntegerField(default=0, help_text="Order within the check (lower first); statements are grouped by feature.")),
                ("feature", models.ForeignKey(help_text="The success feature this statement checks (three per feature is the design).", on_delete=django.db.models.deletion.PROTECT, related_name="health_check_statements", to="casestudies.successfeature")),
            ],
            options={"verbose_name": "health-check statement", "ordering": ["sort_order", "pk"]},
        ),
        migrations.CreateModel(
            name="StatementSet",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.PositiveIntegerField(unique=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("statements", models.JSONField(help_text="[{feature, text, guidance, source}], in answering order.")),
            ],
            options={"verbose_name": "health-check statement set", "ordering": ["-version"]},
        ),
    ]
