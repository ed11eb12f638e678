from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "opvoedwijzer.activities"
    verbose_name = "Group offer"
