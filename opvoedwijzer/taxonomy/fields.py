"""Form fields that choose taxonomy terms and municipalities by code from lists already in memory (see
cache.py), so that validating a registration costs no query; and the helpers that fill them."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.areas import Area

from . import defaults


class TermField(forms.ChoiceField):
    """One term, by its code; cleans to the term (or None when not required and empty)."""

    def __init__(self, *, empty_label=None, **kwargs):
        self.empty_label = empty_label
        kwargs.setdefault(
            "error_messages", {"invalid_choice": _("Unknown code. Choose one of the organisation's terms.")}
        )
        super().__init__(**kwargs)
        self.by_code = {}

    def set_terms(self, terms, grouped=None):
        """The terms to choose from; `grouped` ([(group label, [(code, label)])]) shows them in groups."""
        self.by_code = {t.code: t for t in terms}
        options = grouped if grouped is not None else [(t.code, t.label) for t in terms]
        self.choices = ([("", self.empty_label)] if self.empty_label is not None else []) + list(options)

    def clean(self, value):
        return self.by_code.get(super().clean(value))


class TermsField(forms.MultipleChoiceField):
    """Several terms, by their codes; cleans to a list of terms in the order given."""

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {"invalid_choice": _("Unknown code: %(value)s.")})
        super().__init__(**kwargs)
        self.by_code = {}

    def set_terms(self, terms, grouped=None):
        self.by_code = {t.code: t for t in terms}
        self.choices = grouped if grouped is not None else [(t.code, t.label) for t in terms]

    def clean(self, value):
        return [self.by_code[code] for code in dict.fromkeys(super().clean(value))]


class TermChoiceField(forms.ModelChoiceField):
    """Chooses a taxonomy term by its code."""

    def __init__(self, queryset, **kwargs):
        kwargs.setdefault(
            "error_messages",
            {
                "invalid_choice": _("Unknown code. Choose one of the organisation's terms."),
            },
        )
        super().__init__(queryset, to_field_name="code", **kwargs)

    def label_from_instance(self, obj):
        return obj.label


def themes_by_group(themes):
    groups = {}
    for theme in themes:
        groups.setdefault(theme.group, []).append((theme.code, theme.label))
    return [(group.label, choices) for group, choices in groups.items()]


def fixed_choices(dimension):
    return [(code, defaults.label(dimension, code)) for code in defaults.LABELS[dimension]]


class MunicipalitySelect(forms.Select):
    """Each option carries its postal codes (`data-postcodes`), so that typing a postal code on the
    select picks the municipality (static/js/app.js); without JavaScript, type-ahead on the name."""

    def __init__(self, postal_codes, *args, **kwargs):
        self.postal_codes = postal_codes
        super().__init__(*args, **kwargs)

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if self.postal_codes.get(value):
            option["attrs"]["data-postcodes"] = " ".join(self.postal_codes[value])
        return option


class MunicipalityField(forms.ChoiceField):
    """A served municipality by its code, or 'outside' / 'unknown'. Cleans to a Municipality or
    an Area value."""

    def __init__(self, municipalities, **kwargs):
        self.by_code = {m.code: m for m in municipalities}
        kwargs.setdefault(
            "widget",
            MunicipalitySelect(
                {m.code: sorted({p.code for p in m.postal_codes.all()}) for m in municipalities}
            ),
        )
        # Areas valid today first; those of other dates (merged away, or not yet) in a group of their
        # own with their dates, for a contact registered afterwards. The form checks the contact's date.
        # An organisation on both sides of the border sees the country: Bergen (NL) is not Bergen (BE).
        today = timezone.localdate()
        other = [m for m in municipalities if not valid_on(m, today)]
        both = len({m.country for m in municipalities if m.country}) > 1

        def label(m):
            return f"{m.name} ({m.country})" if both and m.country else m.name

        choices = (
            [("", _("— choose —"))]
            + [(m.code, label(m)) for m in municipalities if valid_on(m, today)]
            + (
                [(_("Other dates"), [(m.code, f"{label(m)} ({m.validity_label()})") for m in other])]
                if other
                else []
            )
            + [
                (Area.OUTSIDE.value, _("Outside the region")),
                (Area.UNKNOWN.value, _("Unknown")),
            ]
        )
        kwargs.setdefault(
            "error_messages",
            {
                "invalid_choice": _(
                    "%(value)s is not a municipality this organisation serves. "
                    "Use 'outside' for a municipality outside the region."
                ),
            },
        )
        super().__init__(choices=choices, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return self.by_code.get(value, value)


def served_municipalities(org):
    return list(org.municipalities.order_by("name_nl").prefetch_related("postal_codes"))


def valid_on(municipality, day):
    return (municipality.valid_from is None or municipality.valid_from <= day) and (
        municipality.valid_to is None or municipality.valid_to >= day
    )


def check_area_on_date(form, data):
    """A municipality (or own area) must exist on the contact's date: one merged away in 2024 is not
    chosen for a contact of 2025, nor the new one for a contact of 2024."""
    municipality, day = data.get("municipality"), data.get("date")
    if day and hasattr(municipality, "valid_from") and not valid_on(municipality, day):
        form.add_error(
            "municipality",
            _("%(name)s did not exist on %(day)s (%(valid)s).")
            % {
                "name": municipality.name,
                "day": day.strftime("%d-%m-%Y"),
                "valid": municipality.validity_label(),
            },
        )


def normalise_postal_code(typed):
    return "".join(typed.split()).upper()


def by_postal_code(municipalities):
    """{postal code: [the municipalities that have it]}."""
    served = {}
    for m in municipalities:
        for code in sorted({p.code for p in m.postal_codes.all()}):
            served.setdefault(code, []).append(m)
    return served
