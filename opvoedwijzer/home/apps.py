from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "opvoedwijzer.home"
    label = "home"
