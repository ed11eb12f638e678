from django.apps import AppConfig


class VolunteersConfig(AppConfig):
    """The volunteer programme (seed 002, opvoedambassadeurs): profiles, training, monthly reflection
    meetings with anonymous intervision, the coordinator's guidance."""

    name = "opvoedwijzer.volunteers"
    label = "volunteers"
