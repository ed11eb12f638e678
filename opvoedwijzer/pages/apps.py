from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "opvoedwijzer.pages"
    label = "pages"
    verbose_name = "Public site"
