from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "opvoedwijzer.api"
    label = "api"
