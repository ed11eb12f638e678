from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "opvoedwijzer.taxonomy"
    label = "taxonomy"
