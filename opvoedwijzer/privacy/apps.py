from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "opvoedwijzer.privacy"
    label = "privacy"
