"""The registration taxonomy: per organisation, seeded from the defaults in `defaults.py`.

Codes are stable identifiers (API, imports, exports, reports across organisations). A coordinator may
rename, hide, reorder and add terms, but a code is never changed, deleted or reused.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.models import Organisation

from . import defaults


class TermQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)

    def visible(self):
        return self.filter(hidden=False)


class Term(models.Model):
    """One term of one dimension. `custom_label` empty means: the default, translated label."""

    DIMENSION = ""  # set by each concrete model; the key in defaults.LABELS and in the API

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    code = models.SlugField(_("code"), max_length=40)
    custom_label = models.CharField(_("label"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    hidden = models.BooleanField(_("hidden"), default=False)

    objects = TermQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        if self.custom_label:
            return self.custom_label
        return defaults.label(self.DIMENSION, self.code)

    @property
    def is_default(self):
        return self.code in defaults.LABELS[self.DIMENSION]


def _unique_code(name):
    return [models.UniqueConstraint(fields=["organisation", "code"], name=name)]


class LifeStage(Term):
    DIMENSION = "life_stage"
    min_months = models.SmallIntegerField(null=True, blank=True)
    max_months = models.SmallIntegerField(null=True, blank=True)

    class Meta(Term.Meta):
        constraints = _unique_code("unique_life_stage_code")
        verbose_name = _("life stage")


class AskerRole(Term):
    DIMENSION = "asker_role"

    class Meta(Term.Meta):
        constraints = _unique_code("unique_asker_role_code")
        verbose_name = _("who asked")


class Channel(Term):
    DIMENSION = "channel"

    class Meta(Term.Meta):
        constraints = _unique_code("unique_channel_code")
        verbose_name = _("channel")


class OfferType(Term):
    DIMENSION = "offer"

    class Meta(Term.Meta):
        constraints = _unique_code("unique_offer_code")
        verbose_name = _("offer")


class ThemeGroup(Term):
    DIMENSION = "theme_group"

    class Meta(Term.Meta):
        constraints = _unique_code("unique_theme_group_code")
        verbose_name = _("theme group")


class Theme(Term):
    DIMENSION = "theme"
    group = models.ForeignKey(
        ThemeGroup, on_delete=models.PROTECT, related_name="themes", verbose_name=_("theme group")
    )

    class Meta(Term.Meta):
        constraints = _unique_code("unique_theme_code")
        ordering = ["group__position", "position", "id"]
        verbose_name = _("theme")


# The editable dimensions, in the order the taxonomy screen shows them.
TERM_MODELS = {m.DIMENSION: m for m in (Channel, AskerRole, LifeStage, ThemeGroup, Theme, OfferType)}
