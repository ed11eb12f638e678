from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "opvoedwijzer.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from . import language, lookups

        lookups.register()
        language.install()
