"""Writes on organisations, people and tokens."""

import datetime
import logging
import re
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from . import mfa
from .audit import AuditAction, record
from .models import ApiToken, Invitation, Membership, Municipality, Organisation, Role, hash_secret
from .versions import note_terms_changed

logger = logging.getLogger(__name__)

# First path segments an organisation's slug may never take, beside those the URL conf already uses
# (`reserved_slugs` adds those): public URLs are /<org-slug>/…, so a slug "admin" or "static" would
# shadow them or be shadowed by them, and these are kept for later top-level paths.
RESERVED_SLUGS = frozenset(
    {"static", "media", "r", "www", "login", "logout", "new", "site", "help", "about", "robots-txt"}
)
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def reserved_slugs():
    """Every literal first path segment of the URL conf (admin, api, accounts, o, …), the static and
    media prefixes, and RESERVED_SLUGS: read from the URL conf, so a new top-level path is reserved
    the moment it exists."""
    from django.urls import URLPattern, URLResolver, get_resolver

    found = set(RESERVED_SLUGS)
    for prefix in (settings.STATIC_URL, settings.MEDIA_URL):
        if prefix and "://" not in prefix:
            found.add(prefix.strip("/").split("/")[0])
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, (URLPattern, URLResolver)):
            first = str(pattern.pattern).lstrip("^").split("/")[0]
            if first and "<" not in first and "(" not in first:
                found.add(first.rstrip("$").lower())
    found.discard("")
    return found


def check_new_slug(slug):
    """Raise ValidationError({"slug": …}) unless `slug` can be a new organisation's address."""
    if not SLUG_PATTERN.match(slug or "") or not 2 <= len(slug) <= 50:
        raise ValidationError(
            {
                "slug": _(
                    "“%(slug)s” cannot be an address: use 2 to 50 lowercase letters, digits and hyphens, "
                    "for example “opvoedingswinkel-hasselt”."
                )
                % {"slug": slug or ""}
            }
        )
    if slug in reserved_slugs():
        raise ValidationError(
            {
                "slug": _("“%(slug)s” is reserved for the application's own pages; choose another address.")
                % {"slug": slug}
            }
        )
    if Organisation.objects.filter(slug=slug).exists():
        raise ValidationError(
            {"slug": _("An organisation with the address “%(slug)s” already exists.") % {"slug": slug}}
        )


def give_organisation_defaults(org):
    """What every organisation needs before anyone can work in it, however it was made (command, site
    administration screen, Django admin, demo data): each of settings.NEW_ORGANISATION_HOOKS, called with
    the organisation (the taxonomy app gives it the default terms: TAXONOMY.md's terms and codes; core
    does not import the apps above it). Idempotent. (The public site needs no row of its own: an empty
    profile is shown as none.)"""
    for hook in settings.NEW_ORGANISATION_HOOKS:
        import_string(hook)(org)


@transaction.atomic
def create_organisation(*, slug, name, municipalities=()):
    """Make an organisation with its defaults, or (idempotent, for the demo data) complete an existing
    one with the same slug. A new slug is checked by `check_new_slug`."""
    org = Organisation.objects.filter(slug=slug).first()
    if org is None:
        check_new_slug(slug)
        org = Organisation.objects.create(slug=slug, name=name)
    if municipalities:
        org.municipalities.add(*municipalities)
    give_organisation_defaults(org)
    return org


@transaction.atomic
def rename_organisation(org, name):
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the organisation's name.")})
    org.name = name
    org.save(update_fields=["name"])
    return org


def find_municipalities(codes):
    """The official municipalities with these codes, in the order given; ValidationError naming every
    unknown code (the codes of the Municipality table: NIS for Belgium, CBS GMxxxx for the Netherlands;
    never an organisation's own area)."""
    codes = [c.strip() for c in codes if c and c.strip()]
    wanted = {c.upper() for c in codes} | set(codes)
    found = {m.code.upper(): m for m in Municipality.objects.official().filter(code__in=wanted)}
    unknown = [c for c in codes if c.upper() not in found]
    if unknown:
        raise ValidationError(
            {
                "municipalities": _("Unknown municipality code: %(codes)s.") % {"codes": ", ".join(unknown)}
                if len(unknown) == 1
                else _("Unknown municipality codes: %(codes)s.") % {"codes": ", ".join(unknown)}
            }
        )
    return list(dict.fromkeys(found[c.upper()] for c in codes))


def _absolute(path, site_url=None):
    """An absolute link: on the address the request came in on when there is one (a screen), else on
    SITE_URL, as the other links we send by e-mail (a command)."""
    return (site_url or settings.SITE_URL).rstrip("/") + path


@dataclass(frozen=True)
class NewService:
    organisation: Organisation
    link: str  # where the coordinator chooses a password (or logs in, with an existing account)
    mailed: bool  # the link went out by e-mail


def set_up_organisation(
    *, slug, name, municipalities, coordinator_email, created_by=None, notify=False, site_url=None
):
    """A new service, ready for its coordinator: the organisation with its defaults and municipalities,
    the coordinator's account (no password yet) and membership, and an invitation whose link lets them
    choose a password and log in (then the two-step login set-up is asked, as of every coordinator).

    Returns a NewService. Checks everything before writing: a bad slug, an existing one, an empty name
    or a bad e-mail address raise ValidationError and nothing is stored. With `notify` the coordinator
    gets the link by e-mail, after the commit: a mail server that does not answer loses nothing (`mailed`
    says whether it went). Someone who already has an account (with a password) becomes coordinator and
    gets the login page's link instead: an invitation link must not log anyone into an existing account."""
    from django.core.validators import validate_email

    errors = {}
    name = (name or "").strip()
    email = (coordinator_email or "").strip().lower()
    if not name:
        errors["name"] = [_("Give the organisation's name.")]
    try:
        check_new_slug(slug)
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        validate_email(email)
    except ValidationError:
        errors["coordinator_email"] = [_("Enter a valid e-mail address, like naam@voorbeeld.be.")]
    if errors:
        raise ValidationError(errors)
    org, link, existing_account = _create_service(
        slug, name, municipalities, email, created_by=created_by, site_url=site_url
    )
    mailed = notify and _mail_coordinator(org, email, link, existing_account)
    return NewService(org, link, mailed)


@transaction.atomic
def _create_service(slug, name, municipalities, email, *, created_by, site_url):
    User = get_user_model()
    try:
        with transaction.atomic():
            org = Organisation.objects.create(slug=slug, name=name)
    except IntegrityError:  # made by someone else a moment ago
        raise ValidationError(
            {"slug": _("An organisation with the address “%(slug)s” already exists.") % {"slug": slug}}
        ) from None
    org.municipalities.add(*municipalities)
    give_organisation_defaults(org)
    user = User.objects.filter(email__iexact=email).first()
    existing_account = user is not None and user.has_usable_password()
    if user is None:
        user = User.objects.create_user(email=email, password=None)  # unusable until the link is used
    Membership.objects.create(user=user, organisation=org, role=Role.COORDINATOR)
    if existing_account:
        _start_grace_period_if_needed(user, Role.COORDINATOR)
        link = _absolute(reverse("account_login"), site_url)
    else:
        _invitation, token = _make_invitation(org, email=email, role=Role.COORDINATOR, invited_by=created_by)
        link = _absolute(reverse("accept_invitation", args=[token]), site_url)
    return org, link, existing_account


def _mail_coordinator(org, email, link, existing_account):
    context = {
        "organisation": org,
        "url": link,
        "existing_account": existing_account,
        "valid_days": settings.INVITATION_VALID_DAYS,
    }
    try:
        send_mail(
            subject=_("%(org)s on Opvoedwijzer: you are its coordinator") % {"org": org.name},
            message=render_to_string("core/email/new_organisation.txt", context),
            from_email=None,
            recipient_list=[email],
        )
    except OSError:  # smtplib's errors included: the link is shown, the sender passes it on
        logger.warning("The new coordinator's e-mail for %s could not be sent.", org.slug, exc_info=True)
        return False
    return True


def _make_invitation(org, *, email, role, invited_by):
    token = secrets.token_urlsafe(24)
    invitation = Invitation.objects.create(
        organisation=org,
        email=email,
        role=role,
        invited_by=invited_by,
        token_hash=hash_secret(token),
        expires_at=timezone.now() + datetime.timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    record(
        AuditAction.INVITATION_SENT, actor=invited_by, organisation=org, role=role, invitation=invitation.pk
    )
    return invitation, token


def note_social_map_changed(org):
    """Call after changing an organisation's social map: every process reads its names and numbers again."""
    Organisation.objects.filter(pk=org.pk).update(map_version=F("map_version") + 1)


@transaction.atomic
def add_municipality(org, municipality):
    org.municipalities.add(municipality)
    note_terms_changed(org)


@transaction.atomic
def remove_municipality(org, municipality):
    org.municipalities.remove(municipality)
    note_terms_changed(org)


@transaction.atomic
def invite_member(org, *, email, role, invited_by, build_url):
    """Invite someone by e-mail. `build_url(token)` makes the absolute acceptance link."""
    email = email.strip().lower()
    if Membership.objects.filter(organisation=org, user__email__iexact=email).exists():
        raise ValidationError({"email": _("This person is already a member.")})
    invitation, token = _make_invitation(org, email=email, role=role, invited_by=invited_by)
    context = {
        "organisation": org,
        "url": build_url(token),
        "invitation": invitation,
        "inviter": invited_by,
        "valid_days": settings.INVITATION_VALID_DAYS,
    }
    send_mail(
        subject=_("Invitation to %(org)s on Opvoedwijzer") % {"org": org.name},
        message=render_to_string("core/email/invitation.txt", context),
        from_email=None,
        recipient_list=[email],
    )
    return invitation


def find_open_invitation(token):
    return (
        Invitation.objects.open().select_related("organisation").filter(token_hash=hash_secret(token)).first()
    )


@transaction.atomic
def accept_invitation(invitation, *, password=None, user=None):
    """Make (or reuse) the account and the membership; the invitation can be used only once."""
    User = get_user_model()
    if user is None:
        user = User.objects.filter(email__iexact=invitation.email).first()
    if user is None:
        user = User.objects.create_user(email=invitation.email, password=password)
    elif password and not user.has_usable_password():
        # The account a site administrator made for a new service's coordinator: the invitation's
        # link is where its first password is chosen.
        user.set_password(password)
        user.save(update_fields=["password"])
    Membership.objects.update_or_create(
        user=user,
        organisation=invitation.organisation,
        defaults={"role": invitation.role, "is_active": True},
    )
    _start_grace_period_if_needed(user, invitation.role)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    record(
        AuditAction.INVITATION_ACCEPTED,
        actor=user,
        organisation=invitation.organisation,
        role=invitation.role,
        invitation=invitation.pk,
    )
    return user


def _start_grace_period_if_needed(user, role):
    """A role that needs two-step login, for someone without it: the grace period starts now (it is
    never shortened)."""
    if role not in settings.MFA_REQUIRED_ROLES or mfa.has_second_factor(user):
        return
    deadline = timezone.now() + mfa.grace_period()
    if user.mfa_setup_deadline is None or user.mfa_setup_deadline < deadline:
        user.mfa_setup_deadline = deadline
        user.save(update_fields=["mfa_setup_deadline"])


@transaction.atomic
def change_membership(membership, *, role, is_active, municipalities=(), changed_by):
    """A coordinator changes someone's role, activity or (for funders) municipalities. The last active
    coordinator cannot be removed; every change is audited with the old and new role."""
    org = membership.organisation
    losing_coordinator = membership.role == Role.COORDINATOR and (role != Role.COORDINATOR or not is_active)
    if (
        losing_coordinator
        and not Membership.objects.active()
        .filter(organisation=org, role=Role.COORDINATOR)
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise ValidationError({"role": _("The organisation needs at least one active coordinator.")})
    old_role, was_active = membership.role, membership.is_active
    membership.role, membership.is_active = role, is_active
    membership.save(update_fields=["role", "is_active"])
    membership.municipalities.set(municipalities if role == Role.FUNDER else [])
    if is_active:
        _start_grace_period_if_needed(membership.user, role)
    record(
        AuditAction.ROLE_CHANGED,
        actor=changed_by,
        organisation=org,
        member=membership.user_id,
        old_role=old_role,
        new_role=role,
        was_active=was_active,
        is_active=is_active,
        municipalities=sorted(m.code for m in membership.municipalities.all()),
    )
    return membership


@transaction.atomic
def reopen_mfa_setup(membership, *, reopened_by):
    """For a member who lost their phone or missed the deadline: their second factors are removed and
    they get a new grace period to set one up. Audited."""
    user = membership.user
    removed = user.authenticator_set.all().delete()[0]
    user.mfa_setup_deadline = timezone.now() + mfa.grace_period()
    user.save(update_fields=["mfa_setup_deadline"])
    record(
        AuditAction.MFA_REOPENED,
        actor=reopened_by,
        organisation=membership.organisation,
        member=user.pk,
        removed=removed,
    )


@transaction.atomic
def create_api_token(user, name=""):
    """Make a personal API token; returns (token object, the raw token shown once)."""
    raw = ApiToken.generate()
    token = ApiToken.objects.create(user=user, name=name, prefix=raw[:8], token_hash=hash_secret(raw))
    record(AuditAction.TOKEN_CREATED, actor=user, prefix=token.prefix)
    return token, raw


def memberships_for_api_token(raw):
    """The token owner's active memberships (with user and organisation) in one query: what an API
    request needs to know who calls and for which organisation. Empty for an unknown token, an inactive
    user, or a user without memberships (then `user_for_api_token` tells which). Notes the day of use
    (one write a day)."""
    token_hash = hash_secret(raw)
    memberships = list(
        Membership.objects.active()
        .select_related("organisation", "user")
        .filter(user__api_tokens__token_hash=token_hash, user__is_active=True)
        .annotate(token_id=F("user__api_tokens__id"), token_used_on=F("user__api_tokens__last_used_on"))
    )
    today = timezone.localdate()
    if memberships and memberships[0].token_used_on != today:
        ApiToken.objects.filter(pk=memberships[0].token_id).update(last_used_on=today)
    return memberships


def user_for_api_token(raw):
    token = ApiToken.objects.select_related("user").filter(token_hash=hash_secret(raw)).first()
    if token is None or not token.user.is_active:
        return None
    today = timezone.localdate()
    if token.last_used_on != today:
        token.last_used_on = today
        token.save(update_fields=["last_used_on"])
    return token.user


@transaction.atomic
def revoke_api_token(token):
    record(AuditAction.TOKEN_REVOKED, actor=token.user, prefix=token.prefix)
    token.delete()
