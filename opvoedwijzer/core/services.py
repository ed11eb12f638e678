"""Writes on organisations, people and tokens."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from opvoedwijzer.privacy.audit import AuditAction, record
from opvoedwijzer.taxonomy.cache import note_terms_changed
from opvoedwijzer.taxonomy.services import seed_default_taxonomy

from . import mfa
from .models import ApiToken, Invitation, Membership, Organisation, Role, hash_secret


@transaction.atomic
def create_organisation(*, slug, name, municipalities=()):
    org, _created = Organisation.objects.get_or_create(slug=slug, defaults={"name": name})
    if municipalities:
        org.municipalities.add(*municipalities)
    seed_default_taxonomy(org)
    return org


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
    token = secrets.token_urlsafe(24)
    invitation = Invitation.objects.create(
        organisation=org,
        email=email,
        role=role,
        invited_by=invited_by,
        token_hash=hash_secret(token),
        expires_at=timezone.now() + Invitation.VALID_FOR,
    )
    context = {
        "organisation": org,
        "url": build_url(token),
        "invitation": invitation,
        "inviter": invited_by,
    }
    record(
        AuditAction.INVITATION_SENT, actor=invited_by, organisation=org, role=role, invitation=invitation.pk
    )
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
