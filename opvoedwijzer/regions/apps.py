from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "opvoedwijzer.regions"
    verbose_name = _("Regions")

    def ready(self):
        from opvoedwijzer.core import mfa

        from .models import RegionMember

        # A regional coordinator or funder reads numbers of several services: two-step login, as for the
        # same roles in an organisation (settings.MFA_REQUIRED_ROLES).
        mfa.also_required_for(
            lambda: (
                RegionMember.objects.active().filter(role__in=settings.MFA_REQUIRED_ROLES).values("user_id")
            )
        )
