"""Writes on the taxonomy: seed the defaults, rename, hide, reorder, add. Codes are never reused."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from opvoedwijzer.core.versions import note_terms_changed

from . import defaults
from .models import TERM_MODELS, AskerRole, Channel, LifeStage, OfferType, Theme, ThemeGroup


@transaction.atomic
def seed_default_taxonomy(org):
    """Give a new organisation the default terms (idempotent: existing codes are left alone)."""

    def ensure(model, rows, **extra_per_code):
        existing = set(model.objects.for_org(org).values_list("code", flat=True))
        model.objects.bulk_create(
            model(organisation=org, code=row[0], position=i, **extra_per_code.get(row[0], {}))
            for i, row in enumerate(rows, start=1)
            if row[0] not in existing
        )

    ensure(Channel, defaults.CHANNELS)
    ensure(AskerRole, defaults.ASKER_ROLES)
    ensure(OfferType, defaults.OFFERS)
    ensure(
        LifeStage,
        defaults.LIFE_STAGES,
        **{r[0]: {"min_months": r[3], "max_months": r[4]} for r in defaults.LIFE_STAGES},
    )
    ensure(ThemeGroup, defaults.THEMES)
    groups = {g.code: g for g in ThemeGroup.objects.for_org(org)}
    existing = set(Theme.objects.for_org(org).values_list("code", flat=True))
    Theme.objects.bulk_create(
        Theme(organisation=org, code=code, group=groups[group_code], position=i)
        for group_code, _nl, _en, themes in defaults.THEMES
        for i, (code, _tnl, _ten) in enumerate(themes, start=1)
        if code not in existing
    )
    note_terms_changed(org)


@transaction.atomic
def add_term(org, dimension, *, code, label, group=None):
    """Add a term with a new code. A code that exists (even hidden) is refused: never reused."""
    model = TERM_MODELS[dimension]
    if model.objects.for_org(org).filter(code=code).exists() or (code in defaults.LABELS[dimension]):
        raise ValidationError({"code": _("This code is already in use and cannot be reused.")})
    last = model.objects.for_org(org).aggregate(m=Max("position"))["m"] or 0
    extra = {"group": group} if model is Theme else {}
    term = model(organisation=org, code=code, custom_label=label, position=last + 1, **extra)
    term.full_clean(exclude=["organisation", "group"])
    term.save()
    note_terms_changed(org)
    return term


@transaction.atomic
def update_term(term, *, label, hidden):
    """Rename (an empty label restores the default) and hide or show a term. A rename calls each of
    settings.TERM_RENAMED_HOOKS with the term, in this transaction (the social map's search reindexes)."""
    renamed = term.custom_label != label.strip()
    term.custom_label = label.strip()
    term.hidden = hidden
    term.save(update_fields=["custom_label", "hidden"])
    note_terms_changed(term.organisation)
    if renamed:
        for hook in settings.TERM_RENAMED_HOOKS:
            import_string(hook)(term)
    return term


@transaction.atomic
def move_term(term, direction):
    """Swap a term with its neighbour above (-1) or below (+1) within its dimension (and group)."""
    siblings = list(type(term).objects.for_org(term.organisation).order_by("position", "id"))
    if isinstance(term, Theme):
        siblings = [t for t in siblings if t.group_id == term.group_id]
    for i, t in enumerate(siblings, start=1):
        t.position = i
    index = next(i for i, t in enumerate(siblings) if t.pk == term.pk)
    other = index + direction
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for i, t in enumerate(siblings, start=1):
        t.position = i
    type(term).objects.bulk_update(siblings, ["position"])
    note_terms_changed(term.organisation)
