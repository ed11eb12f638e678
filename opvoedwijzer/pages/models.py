"""The public site of an organisation (M15): how to reach the service, and basic information per life
stage. The texts are the service's own, written by its coordinators in plain language."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.models import Organisation
from opvoedwijzer.taxonomy.models import LifeStage


class PublicProfile(models.Model):
    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="public_profile")
    intro = models.TextField(_("what we offer"), blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    how_to_reach = models.TextField(_("other ways to reach us"), blank=True)
    # Versions in the parents' languages: {"fr": {"intro": "…"}, …} (core/translations.py).
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    def __str__(self):
        return str(self.organisation)


class LifeStageInfo(models.Model):
    """Basic information for parents of children in one life stage."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    life_stage = models.ForeignKey(LifeStage, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("basic information"), blank=True)
    # Versions in the parents' languages: {"fr": {"text": "…"}, …} (core/translations.py).
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "life_stage"], name="one_info_per_life_stage")
        ]

    def __str__(self):
        return f"{self.organisation} · {self.life_stage}"
