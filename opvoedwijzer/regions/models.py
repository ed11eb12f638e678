"""Regions (M13): several services that agree to share their numbers, read by regional users.

A region is a name and a slug; its municipalities are those of the organisations that share with it.
An organisation shares only while its coordinator's agreement stands (`RegionShare`, withdrawn = no
longer counted). Regional coordinators and funders (`RegionMember`) read the sums, suppressed as for a
funder (see numbers.py); they are no members of any organisation through this.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.models import Organisation


class Region(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name


class RegionRole(models.TextChoices):
    # The same codes as core.models.Role, so that MFA_REQUIRED_ROLES applies to them as well.
    COORDINATOR = "coordinator", _("regional coordinator")
    FUNDER = "funder", _("regional funder")


class RegionMemberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class RegionMember(models.Model):
    """A user with a role in a region: reads the regional numbers, nothing else."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="region_memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=RegionRole.choices, default=RegionRole.FUNDER)
    is_active = models.BooleanField(_("active"), default=True)
    created = models.DateTimeField(default=timezone.now)

    objects = RegionMemberQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["region", "user"], name="one_region_membership")]
        verbose_name = _("region member")
        verbose_name_plural = _("region members")

    def __str__(self):
        return f"{self.user} · {self.region} · {self.get_role_display()}"


class RegionShareQuerySet(models.QuerySet):
    def agreed(self):
        return self.filter(withdrawn_at__isnull=True)

    def for_org(self, org):
        return self.filter(organisation=org)


class RegionShare(models.Model):
    """An organisation's agreement to share its numbers with a region, by its coordinator; kept after a
    withdrawal (who and when), and renewed when the organisation agrees again. The audit log keeps every
    step."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="shares")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="region_shares")
    agreed_at = models.DateTimeField(_("agreed on"), default=timezone.now)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = RegionShareQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region", "organisation"], name="one_share_per_region_and_org")
        ]
        verbose_name = _("agreement to share")
        verbose_name_plural = _("agreements to share")

    def __str__(self):
        return f"{self.organisation} → {self.region}"

    @property
    def is_agreed(self):
        return self.withdrawn_at is None
