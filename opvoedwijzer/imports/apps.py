from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "opvoedwijzer.imports"
    label = "imports"
    verbose_name = _("Import of past registrations")
