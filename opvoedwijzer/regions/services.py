"""Writes of the regions app: verb-first, one transaction each."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from opvoedwijzer.privacy.audit import AuditAction, record
from opvoedwijzer.reports import exports

from .models import Region, RegionMember, RegionRole, RegionShare
from .numbers import regional_table


@transaction.atomic
def create_region(*, slug, name):
    """The region `slug` with `name`: made, or renamed when it exists. Returns (region, created)."""
    name = (name or "").strip()
    errors = {}
    try:
        validate_slug(slug or "")
    except ValidationError:
        errors["slug"] = [
            _("Use only lower-case letters, digits and hyphens for the slug, like regio-limburg.")
        ]
    if not name:
        errors["name"] = [_("Give the region's name.")]
    if errors:
        raise ValidationError(errors)
    region, created = Region.objects.get_or_create(slug=slug, defaults={"name": name})
    if not created and region.name != name:
        region.name = name
        region.save(update_fields=["name"])
    return region, created


@transaction.atomic
def add_region_member(region, *, email, role=RegionRole.FUNDER):
    """Give the person with `email` a role in `region`; their account is made (without a password)
    when they have none. Returns (member, user_created)."""
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError(
            {"email": [_("Enter a valid e-mail address for the region member, like naam@voorbeeld.be.")]}
        ) from error
    if role not in RegionRole.values:
        raise ValidationError(
            {"role": [_("Choose one of: %(roles)s.") % {"roles": ", ".join(RegionRole.values)}]}
        )
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    user_created = user is None
    if user_created:
        user = User.objects.create_user(email=email, password=None)  # unusable until set by the link
    member, created = RegionMember.objects.get_or_create(region=region, user=user, defaults={"role": role})
    if not created and (member.role != role or not member.is_active):
        member.role, member.is_active = role, True
        member.save(update_fields=["role", "is_active"])
    return member, user_created


@transaction.atomic
def agree_to_share(region, organisation, *, user):
    """The organisation's coordinator agrees to share its numbers with `region` (again). Audited;
    agreeing while the agreement stands changes nothing."""
    share = RegionShare.objects.select_for_update().filter(region=region, organisation=organisation).first()
    now = timezone.now()
    if share is None:
        share = RegionShare.objects.create(
            region=region, organisation=organisation, agreed_at=now, agreed_by=user
        )
    elif share.is_agreed:
        return share
    else:
        share.agreed_at, share.agreed_by, share.withdrawn_at, share.withdrawn_by = now, user, None, None
        share.save(update_fields=["agreed_at", "agreed_by", "withdrawn_at", "withdrawn_by"])
    record(AuditAction.REGION_AGREED, actor=user, organisation=organisation, region=region.slug)
    return share


@transaction.atomic
def withdraw_from_region(region, organisation, *, user):
    """The organisation stops sharing its numbers with `region`: from now on it is not counted there.
    Audited; withdrawing what was not agreed changes nothing (returns None)."""
    share = (
        RegionShare.objects.select_for_update()
        .filter(region=region, organisation=organisation, withdrawn_at__isnull=True)
        .first()
    )
    if share is None:
        return None
    share.withdrawn_at, share.withdrawn_by = timezone.now(), user
    share.save(update_fields=["withdrawn_at", "withdrawn_by"])
    record(AuditAction.REGION_WITHDRAWN, actor=user, organisation=organisation, region=region.slug)
    return share


@transaction.atomic
def export_region_numbers(region, year, columns, kind, *, user):
    """The region's table for `year` by `columns` as a file (`kind`: csv or xlsx), with a row in the
    audit log of every organisation whose numbers are in it. A file that fails to build leaves no row."""
    numbers = regional_table(region, year, columns)
    for row in numbers["organisations"]["rows"]:
        record(
            AuditAction.EXPORT,
            actor=user,
            organisation=row["organisation"],
            export=f"region.{kind}",
            region=region.slug,
            year=year,
            by=columns,
            suppressed=bool(numbers["table"].get("suppressed")),
        )
    return exports.RESPONSES[kind](numbers, slugify(f"{region.slug}-{columns}-{year}"))
