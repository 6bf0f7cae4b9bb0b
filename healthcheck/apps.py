from django.apps import AppConfig


class HealthCheckConfig(AppConfig):
    name = "healthcheck"
    verbose_name = "Partnership health check"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
