"""The first-run checklist of a new service. Most steps are read from the data (a public phone number,
municipalities, a colleague); the steps only a person can judge ("we looked at the taxonomy", "the public
texts are right") are marked done by a coordinator and kept here."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.models import Organisation


class Step(models.TextChoices):
    DETAILS = "details", _("Name and public contact details")
    MUNICIPALITIES = "municipalities", _("Municipalities served")
    TAXONOMY = "taxonomy", _("Taxonomy")
    TEXTS = "texts", _("Texts of the public site")
    COLLEAGUES = "colleagues", _("Colleagues")


# The steps a coordinator marks done by hand; the others are done when the data says so.
MARKABLE_STEPS = (Step.TAXONOMY, Step.TEXTS)


class SetupMark(models.Model):
    """A coordinator said: this step is done."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    step = models.CharField(max_length=20, choices=[(s.value, s.label) for s in MARKABLE_STEPS])
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "step"], name="one_mark_per_step")]

    def __str__(self):
        return f"{self.organisation} · {self.step}"
