from django.apps import AppConfig


class SocialMapConfig(AppConfig):
    name = "opvoedwijzer.socialmap"
    label = "socialmap"
    verbose_name = "Social map and referrals"
