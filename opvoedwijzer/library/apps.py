from django.apps import AppConfig


class InfotheekConfig(AppConfig):
    name = "opvoedwijzer.infotheek"
    label = "infotheek"
    verbose_name = "Information library"
