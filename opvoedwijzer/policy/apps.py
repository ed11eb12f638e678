from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "opvoedwijzer.policy"
    label = "policy"
    verbose_name = "Networking and signals"
