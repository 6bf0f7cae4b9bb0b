from django.apps import AppConfig


class ReuseConfig(AppConfig):
    name = "casestudies.reuse"
    label = "reuse"
    verbose_name = "Reuse: citations, permanent links, cards, feeds and discovery"
