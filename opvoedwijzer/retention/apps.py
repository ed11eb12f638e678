from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "opvoedwijzer.retention"
    label = "retention"
