"""Tenants, places and people: Organisation, Municipality, PostalCode, User, Membership; and the audit
log of what they did (AuditEvent; written through core/audit.py)."""

import hashlib
import re
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# A Dutch postal code as people write it ("1012 AB", "1012ab"): its four digits (PC4) are what we keep.
DUTCH_POSTAL_CODE = re.compile(r"(\d{4})\s*[A-Za-z]{2}")
# The shapes of official codes (BE: NIS, 5 digits; NL: CBS, GM + 4 digits). An organisation's own area
# may not take one, so that a code never names two areas for one organisation.
OFFICIAL_CODE = re.compile(r"\d{5}|GM\d{4}", re.IGNORECASE)


class MunicipalityQuerySet(models.QuerySet):
    def valid_on(self, day):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def valid_during(self, start, end):
        """Areas that existed on at least one day of [start, end]."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=start)
        )

    def official(self):
        """Municipalities of a country (BE, NL): not an organisation's own areas."""
        return self.filter(organisation__isnull=True)

    def visible_to(self, org):
        """What an organisation may see and choose: the official municipalities and its own areas,
        never another organisation's."""
        return self.filter(Q(organisation__isnull=True) | Q(organisation=org))

    def search(self, text):
        """Areas with this code, whose name contains `text`, or with a postal code starting with it
        ("3800", "380", "1012", "1012 AB": a Dutch postal code is searched by its four digits)."""
        text = (text or "").strip()
        if not text:
            return self
        dutch = DUTCH_POSTAL_CODE.fullmatch(text)
        if dutch:
            text = dutch.group(1)
        if text.isdigit():
            return self.filter(Q(code=text) | Q(postal_codes__code__startswith=text)).distinct()
        return self.filter(Q(code__iexact=text) | Q(name_nl__icontains=text) | Q(name_fr__icontains=text))


class Municipality(models.Model):
    """An area contacts are counted in: a municipality with its official code (BE: NIS/REFNIS; NL: CBS
    GMxxxx), or an organisation's own area (a neighbourhood, a region) with the code it chose.

    `valid_from`/`valid_to` keep mergers apart: a report over an earlier year groups by the
    municipalities of that time, and a picker for a date offers the areas valid on it. An own area has
    `organisation` set (no other organisation sees it) and may lie in an official municipality
    (`part_of`); its code is unique for its organisation and never has the shape of an official code.
    """

    # BE or NL; an own area takes the country of the municipality it lies in, or none.
    country = models.CharField(_("country"), max_length=2, default="BE", blank=True)
    code = models.CharField(_("code"), max_length=20, db_index=True)
    name_nl = models.CharField(max_length=100)
    name_fr = models.CharField(max_length=100, blank=True)
    province_code = models.CharField(max_length=10, blank=True)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    organisation = models.ForeignKey(
        "Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="own_areas",
        verbose_name=_("own area of"),
    )
    part_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="parts",
        verbose_name=_("lies in"),
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name_nl"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=Q(organisation__isnull=True), name="unique_official_area_code"
            ),
            models.UniqueConstraint(fields=["organisation", "code"], name="unique_own_area_code"),
        ]

    def __str__(self):
        return self.name

    @staticmethod
    def nearby_key(code):
        """What areas "in the neighbourhood" share: a Belgian NIS code's first two digits (its
        arrondissement); a Dutch CBS code or an own area's code has no such part, so only itself."""
        return f"{code[:2]}*" if code.isdigit() else f"{code}*"

    def validity_label(self):
        """The dates an area is valid, e.g. "since 1-1-2025", "until 31-12-2024"; "" when always."""

        def day(d):
            return f"{d.day}-{d.month}-{d.year}"

        if self.valid_from and self.valid_to:
            return f"{day(self.valid_from)} – {day(self.valid_to)}"
        if self.valid_to:
            return _("until %(day)s") % {"day": day(self.valid_to)}
        if self.valid_from:
            return _("since %(day)s") % {"day": day(self.valid_from)}
        return ""

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
# Who keeps the organisation's shared content: library items, activities, the social map (services,
# organisations, locations, imports), networking meetings and the steps of a signal.
ROLES_THAT_EDIT_CONTENT = {Role.STAFF, Role.COORDINATOR}
# Who may open the web questions: the inbox, answering, assigning, the reply templates.
ROLES_THAT_ANSWER_QUESTIONS = {Role.STAFF, Role.COORDINATOR}
# Who may run trajectories and record consultations for professionals (trajectories app).
ROLES_THAT_COUNSEL = {Role.STAFF, Role.COORDINATOR}
# Funders read reports too, but only of their own municipalities and with small numbers suppressed.
ROLES_THAT_READ_REPORTS = {Role.STAFF, Role.COORDINATOR, Role.FUNDER}
# Who sees the volunteers' overview (who is active where, in which languages: to match a family).
ROLES_THAT_SEE_VOLUNTEERS = {Role.STAFF, Role.COORDINATOR}


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
    def can_edit_content(self):
        return self.role in ROLES_THAT_EDIT_CONTENT

    @property
    def can_answer_questions(self):
        return self.role in ROLES_THAT_ANSWER_QUESTIONS

    @property
    def can_counsel(self):
        return self.role in ROLES_THAT_COUNSEL

    @property
    def can_read_reports(self):
        return self.role in ROLES_THAT_READ_REPORTS

    @property
    def reads_outside_numbers(self):
        """True when this member sees numbers as they leave the service: only their own
        municipalities, small counts suppressed (core/disclosure.py)."""
        return self.role == Role.FUNDER

    @property
    def can_see_volunteers(self):
        return self.role in ROLES_THAT_SEE_VOLUNTEERS

    @property
    def is_coordinator(self):
        return self.role == Role.COORDINATOR

    @property
    def is_volunteer(self):
        return self.role == Role.VOLUNTEER


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


# The audit log (privacy rule 5): append-only, and never the content of what was registered.


class AuditAction(models.TextChoices):
    LOGIN = "login", _("logged in")
    LOGIN_FAILED = "login_failed", _("failed login")
    INVITATION_SENT = "invitation_sent", _("invitation sent")
    INVITATION_ACCEPTED = "invitation_accepted", _("invitation accepted")
    EXPORT = "export", _("export")
    PII_CONFIRMED = "pii_confirmed", _("personal data confirmed as none")
    TOKEN_CREATED = "token_created", _("API token made")
    TOKEN_REVOKED = "token_revoked", _("API token revoked")
    ROLE_CHANGED = "role_changed", _("role changed")
    MFA_ADDED = "mfa_added", _("second factor added")
    MFA_REMOVED = "mfa_removed", _("second factor removed")
    MFA_FAILED = "mfa_failed", _("failed second factor")
    MFA_REOPENED = "mfa_reopened", _("two-step login set-up reopened")
    PURGED = "purged", _("expired data removed")
    REGION_AGREED = "region_agreed", _("agreed to share numbers with a region")
    REGION_WITHDRAWN = "region_withdrawn", _("stopped sharing numbers with a region")
    TRAJECTORY_OPENED = "trajectory_opened", _("trajectory opened")


class AuditEventQuerySet(models.QuerySet):
    def for_org(self, org):
        """The organisation's events, and the account events (logins) of its members."""
        members = org.memberships.values("user_id")
        return self.filter(Q(organisation=org) | Q(organisation__isnull=True, actor__in=members))


class AuditEvent(models.Model):
    created = models.DateTimeField(default=timezone.now, db_index=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_email = models.EmailField(blank=True)  # kept when the account is deleted
    action = models.CharField(max_length=30, choices=AuditAction.choices)
    detail = models.JSONField(default=dict, blank=True)  # codes and counts only, never free text

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        db_table = "privacy_auditevent"  # made by the privacy app, which held the log until issue 16
        ordering = ["-created", "-id"]

    def __str__(self):
        return f"{self.created:%Y-%m-%d %H:%M} {self.actor_email} {self.action}"
