from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "opvoedwijzer.demo"
    label = "demo"
