"""Writes of the volunteer programme's profiles and training: each a verb-first function in one
transaction.

A profile keeps what the programme needs and no more (see models.py). A volunteer becomes active only
when the coordinator says so, and only after every required module (`selectors.modules_to_follow`); a
volunteer who stops loses access to the organisation in the same transaction. Attendance at a training
session is also the completion of its module, and unticking someone takes back the completion that came
from that session.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from opvoedwijzer.core.models import Membership, Municipality, Role
from opvoedwijzer.privacy.audit import record_pii_confirmations

from .models import Status, TrainingCompletion, TrainingModule, TrainingSession, Volunteer, VolunteerLanguage
from .selectors import modules_to_follow

PROFILE_FIELDS = ["name", "membership", "availability", "started_on"]
MODULE_FIELDS = ["title", "description", "hours", "required", "position", "archived"]


def neighbourhoods_of(org, keep=None):
    """What a volunteer's neighbourhoods are chosen from: the organisation's served municipalities and
    its own areas, by name (and the areas of `keep`, a volunteer who has one no longer served)."""
    kept = Q(pk__in=keep.neighbourhoods.values("pk")) if keep is not None else Q(pk__in=[])
    return (
        Municipality.objects.visible_to(org)
        .filter(Q(organisations=org) | Q(organisation=org) | kept)
        .distinct()
        .order_by("name_nl", "pk")
    )


def accounts_without_profile(org, keep=None):
    """The organisation's active volunteer accounts that no profile uses yet (and `keep`, the one a
    profile already has, also when it was closed because the volunteer stopped)."""
    free = Membership.objects.filter(
        organisation=org, role=Role.VOLUNTEER, is_active=True, volunteer__isnull=True
    )
    if keep is not None:
        free = free | Membership.objects.filter(organisation=org, pk=keep.pk)
    return free.select_related("user").order_by("user__first_name", "user__email")


def _check_profile(org, data, volunteer=None):
    membership = data.get("membership")
    if membership is not None:
        keep = volunteer.membership if volunteer is not None else None
        if not accounts_without_profile(org, keep=keep).filter(pk=membership.pk).exists():
            raise ValidationError(
                {
                    "membership": _(
                        "Choose an active volunteer account of this organisation without a profile."
                    )
                }
            )
    areas = data.get("neighbourhoods") or []
    allowed = set(
        Municipality.objects.visible_to(org).filter(pk__in=[a.pk for a in areas]).values_list("pk", flat=True)
    )
    if any(a.pk not in allowed for a in areas):
        raise ValidationError({"neighbourhoods": _("Choose the organisation's own municipalities or areas.")})


def _write_relations(volunteer, data):
    volunteer.neighbourhoods.set(data.get("neighbourhoods") or [])
    languages = list(dict.fromkeys(data.get("languages") or []))
    volunteer.languages.exclude(language__in=languages).delete()
    VolunteerLanguage.objects.bulk_create(
        [VolunteerLanguage(volunteer=volunteer, language=code) for code in languages], ignore_conflicts=True
    )


def _save_linked(volunteer, **kwargs):
    """Save; an account that another profile took in the meantime (two coordinators at once) is a
    ValidationError on the account, not a 500."""
    try:
        with transaction.atomic():
            volunteer.save(**kwargs)
    except IntegrityError:
        raise ValidationError({"membership": _("This account already has a profile.")}) from None


@transaction.atomic
def create_volunteer(org, data, *, pii_confirmations=()):
    """A new volunteer profile, a candidate. `data`: name, membership (or None), neighbourhoods (areas),
    languages (codes), availability, started_on (or None)."""
    _check_profile(org, data)
    volunteer = Volunteer(
        organisation=org,
        name=data["name"],
        membership=data.get("membership"),
        availability=data.get("availability") or "",
        started_on=data.get("started_on"),
    )
    _save_linked(volunteer)
    _write_relations(volunteer, data)
    record_pii_confirmations(pii_confirmations)
    return volunteer


@transaction.atomic
def update_volunteer(volunteer, data, *, pii_confirmations=()):
    """Change a profile (not its status: `change_status`)."""
    _check_profile(volunteer.organisation, data, volunteer)
    volunteer.name = data["name"]
    volunteer.membership = data.get("membership")
    volunteer.availability = data.get("availability") or ""
    volunteer.started_on = data.get("started_on")
    _save_linked(volunteer, update_fields=PROFILE_FIELDS)
    _write_relations(volunteer, data)
    record_pii_confirmations(pii_confirmations)
    return volunteer


@transaction.atomic
def change_status(volunteer, status, *, today=None):
    """Move a volunteer to `status` from today. Becoming active needs every required module followed
    (a ValidationError names the missing ones) and gives a start date if there is none; stopping also
    closes the volunteer's account in this organisation."""
    status = Status(status)
    today = today or timezone.localdate()
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    fields = ["status", "status_since"]
    if status == Status.ACTIVE:
        missing = list(modules_to_follow(volunteer))
        if missing:
            raise ValidationError(
                _("%(name)s still has to follow: %(modules)s.")
                % {"name": volunteer.name, "modules": ", ".join(m.title for m in missing)},
                code="modules_to_follow",
            )
        if volunteer.started_on is None:
            volunteer.started_on = today
            fields.append("started_on")
    if status != volunteer.status:
        volunteer.status, volunteer.status_since = status, today
        volunteer.save(update_fields=fields)
    if status == Status.STOPPED and volunteer.membership_id:
        membership = volunteer.membership
        if membership.is_active:
            membership.is_active = False
            membership.save(update_fields=["is_active"])
    return volunteer


# Training


def _check_module(org, data):
    themes = data.get("themes") or []
    if any(t.organisation_id != org.pk for t in themes):
        raise ValidationError({"themes": _("Choose the organisation's own themes.")})
    materials = data.get("materials") or []
    if any(r.organisation_id != org.pk for r in materials):
        raise ValidationError({"materials": _("Choose resources of the organisation's own library.")})


def _write_module(module, data, *, creating):
    _check_module(module.organisation, data)
    for name in MODULE_FIELDS:
        if name in data:
            setattr(module, name, data[name])
    if creating:
        module.save()
    else:
        module.save(update_fields=MODULE_FIELDS)
    module.themes.set(data.get("themes") or [])
    module.materials.set(data.get("materials") or [])
    return module


@transaction.atomic
def create_module(org, data):
    """A training module. `data`: title, description, themes, materials (library resources), hours,
    required, position, archived."""
    return _write_module(TrainingModule(organisation=org), data, creating=True)


@transaction.atomic
def update_module(module, data):
    return _write_module(module, data, creating=False)


@transaction.atomic
def plan_session(module, data):
    """A session of a module. `data`: date, trainer, activity (one of the group offer, or None)."""
    activity = data.get("activity")
    if activity is not None and activity.organisation_id != module.organisation_id:
        raise ValidationError({"activity": _("Choose an activity of the organisation's own group offer.")})
    return TrainingSession.objects.create(
        module=module, date=data["date"], trainer=data.get("trainer") or "", activity=activity
    )


@transaction.atomic
def record_training_attendance(session, volunteers):
    """Who came to `session`: exactly `volunteers`. Each attendee has completed the module (a completion
    they already had, from elsewhere or another session, is kept); someone unticked loses the completion
    that came from this session, unless they attended another session of the module. Saving the same
    list again changes nothing."""
    session = TrainingSession.objects.select_for_update().select_related("module").get(pk=session.pk)
    module = session.module
    volunteers = list(volunteers)
    if any(v.organisation_id != module.organisation_id for v in volunteers):
        raise ValidationError(_("Choose volunteers of this organisation."))
    before = set(session.attendees.values_list("pk", flat=True))
    now = {v.pk for v in volunteers}
    session.attendees.set(volunteers)
    removed = before - now
    if removed:
        TrainingCompletion.objects.filter(session=session, volunteer__in=removed).delete()
        for other in (
            TrainingSession.objects.filter(module=module, attendees__in=removed)
            .exclude(pk=session.pk)
            .order_by("date", "pk")
            .prefetch_related("attendees")
        ):
            _complete(other, [v for v in other.attendees.all() if v.pk in removed])
    _complete(session, volunteers)
    return session


def _complete(session, volunteers):
    TrainingCompletion.objects.bulk_create(
        [
            TrainingCompletion(
                volunteer=v, module_id=session.module_id, session=session, completed_on=session.date
            )
            for v in volunteers
        ],
        ignore_conflicts=True,  # one completion per volunteer and module: an earlier one stays
    )


@transaction.atomic
def record_completion(volunteer, data):
    """A module followed elsewhere (no session). `data`: module, completed_on."""
    module = data["module"]
    if module.organisation_id != volunteer.organisation_id:
        raise ValidationError({"module": _("Choose one of the organisation's modules.")})
    done = TrainingCompletion.objects.filter(volunteer=volunteer, module=module).first()
    if done is not None:
        raise ValidationError(
            {
                "module": _("%(name)s already completed this module on %(day)s.")
                % {"name": volunteer.name, "day": done.completed_on.strftime("%d-%m-%Y")}
            }
        )
    try:
        with transaction.atomic():
            return TrainingCompletion.objects.create(
                volunteer=volunteer,
                module=module,
                completed_on=data.get("completed_on") or timezone.localdate(),
            )
    except IntegrityError:  # recorded a moment ago (a second click, a colleague)
        raise ValidationError({"module": _("This module was just recorded as completed.")}) from None
