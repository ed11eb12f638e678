from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "opvoedwijzer.reports"
    label = "reports"
