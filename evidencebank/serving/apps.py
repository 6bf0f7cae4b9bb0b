from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "evidencebank.serving"
    label = "serving"
    verbose_name = "Production serving"
