from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = "Case studies"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import downloads, signals
        from .finder import views
        from .models import CaseStudyIndexPage

        signals.connect()
        CaseStudyIndexPage.finder_views = views
        CaseStudyIndexPage.download_views = downloads
