from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "opvoedwijzer.privacy"
    label = "privacy"

    def ready(self):
        from . import signals  # noqa: F401  (connects the login receivers)
