"""Tenants, places and people: Organisation, Municipality, PostalCode, User, Membership."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class MunicipalityQuerySet(models.QuerySet):
    def valid_on(self, day):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def search(self, text):
        """Municipalities whose name contains `text` or with a postal code starting with it."""
        text = (text or "").strip()
        if not text:
            return self
        if text.isdigit():
            return self.filter(Q(code=text) | Q(postal_codes__code__startswith=text)).distinct()
        return self.filter(Q(name_nl__icontains=text) | Q(name_fr__icontains=text))


class Municipality(models.Model):
    """A municipality with its official code (BE: NIS/REFNIS; NL: CBS GMxxxx).

    `valid_from`/`valid_to` leave room for mergers: a report over an earlier year can still group
    by the municipalities of that time.
    """

    country = models.CharField(max_length=2, default="BE")
    code = models.CharField(max_length=10, unique=True)
    name_nl = models.CharField(max_length=100)
    name_fr = models.CharField(max_length=100, blank=True)
    province_code = models.CharField(max_length=10, blank=True)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name_nl"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name

    @property
    def name(self):
        if get_language() == "fr" and self.name_fr:
            return self.name_fr
        return self.name_nl


class PostalCode(models.Model):
    code = models.CharField(max_length=10, db_index=True)
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="postal_codes")

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["code", "municipality"], name="unique_postal_code")]

    def __str__(self):
        return f"{self.code} {self.municipality.name}"


class Organisation(models.Model):
    """A tenant: one parenting-support service with its municipalities, taxonomy, users and data."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    municipalities = models.ManyToManyField(
        Municipality, related_name="organisations", blank=True, verbose_name=_("municipalities")
    )
    created = models.DateTimeField(default=timezone.now)
    # Raised by every change of the taxonomy or the served municipalities: each process keeps them in
    # memory (taxonomy/cache.py) until this changes.
    terms_version = models.PositiveIntegerField(default=0, editable=False)
    # Raised by every change of the social map: the PII guard keeps the map's names and numbers in memory
    # per process (privacy/forms.py) until this changes.
    map_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A worker's account. Logs in with an e-mail address; never a parent."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    # Until when this account may still work without a second factor (see core/mfa.py); empty means
    # the grace period counted from `date_joined`.
    mfa_setup_deadline = models.DateTimeField(_("two-step login set up before"), null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    def __str__(self):
        return self.get_full_name() or self.email


class Role(models.TextChoices):
    STAFF = "staff", _("staff member")
    COORDINATOR = "coordinator", _("coordinator")
    VOLUNTEER = "volunteer", _("volunteer")
    FUNDER = "funder", _("funder")


# Which roles may do what; views and the API ask these sets, never the roles one by one.
ROLES_THAT_REGISTER = {Role.STAFF, Role.COORDINATOR, Role.VOLUNTEER}
ROLES_THAT_SEE_NUMBERS = {Role.STAFF, Role.COORDINATOR}
# Funders read reports too, but only of their own municipalities and with small numbers suppressed.
ROLES_THAT_READ_REPORTS = ROLES_THAT_SEE_NUMBERS | {Role.FUNDER}


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    # For funders: the municipalities whose reports they may read.
    municipalities = models.ManyToManyField(Municipality, blank=True, related_name="+")
    is_active = models.BooleanField(default=True)
    created = models.DateTimeField(default=timezone.now)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self):
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"

    @property
    def can_register(self):
        return self.role in ROLES_THAT_REGISTER

    @property
    def can_see_numbers(self):
        return self.role in ROLES_THAT_SEE_NUMBERS

    @property
    def can_read_reports(self):
        return self.role in ROLES_THAT_READ_REPORTS

    @property
    def reads_outside_numbers(self):
        """True when this member sees numbers as they leave the service: only their own
        municipalities, small counts suppressed (reports/disclosure.py)."""
        return self.role == Role.FUNDER

    @property
    def is_coordinator(self):
        return self.role == Role.COORDINATOR


def hash_secret(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """A coordinator's invitation; the token is sent by e-mail and only its hash is kept."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    VALID_FOR = datetime.timedelta(days=14)

    def __str__(self):
        return f"{self.email} → {self.organisation}"


class ApiToken(models.Model):
    """A personal API token. Only a hash is stored; the token is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True)
    prefix = models.CharField(max_length=8)
    token_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(default=timezone.now)
    last_used_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"{self.prefix}… ({self.name or self.user})"

    @staticmethod
    def generate():
        return "ow_" + secrets.token_urlsafe(32)


class RateCounter(models.Model):
    """Attempts per key and hour (a salted hash of a network address and an action, never the address),
    counted in the database so that every worker and app server shares the count. See core/ratelimit.py;
    rows of past hours are deleted by the nightly purge."""

    key = models.CharField(max_length=100, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key}: {self.count}"
