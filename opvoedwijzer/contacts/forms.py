"""The contact form. The same form validates the web form and the API (which speaks in codes)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.privacy.forms import PIIGuardMixin
from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.taxonomy.cache import terms_of
from opvoedwijzer.taxonomy.fields import TermField, TermsField

from .models import CONTACT_LANGUAGES, Area


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


# <input type=date> takes only ISO dates; without a format a DateInput writes the active language's.
ISO_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def served_municipalities(org):
    return list(org.municipalities.order_by("name_nl").prefetch_related("postal_codes"))


def not_in_future(day):
    if day > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))


def fixed_choices(dimension):
    return [(code, defaults.label(dimension, code)) for code in defaults.LABELS[dimension]]


class ContactForm(PIIGuardMixin, forms.Form):
    """Field order = tab order: the fields that change every time come first, the ones with good
    defaults last, so a typical contact takes about a dozen key presses. The terms and municipalities
    come from memory (taxonomy.cache): validating a registration costs no query."""

    asker_role = TermField(label=_("Who asked"), empty_label=_("— choose —"))
    municipality = forms.ChoiceField(label=_("Municipality"))  # replaced in __init__
    # Several values: checkbox groups, no Ctrl/Shift (static/js/app.js adds type-ahead to them).
    life_stages = TermsField(
        label=_("Life stage of the child"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkgroup"}),
    )
    main_theme = TermField(label=_("Main theme"), empty_label=_("— choose —"))
    offers = TermsField(
        label=_("What was offered"),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkgroup"}),
    )
    themes = TermsField(
        label=_("Other themes"),
        required=False,
        help_text=_("Optional, besides the main theme."),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkgroup"}),
    )
    request_kind = forms.ChoiceField(label=_("Kind of request"), choices=fixed_choices("request_kind"))
    duration = forms.ChoiceField(label=_("Time spent"), choices=fixed_choices("duration"))
    # Pre-filled (with the member's last channel), so shown at the top of the form: never out of sight.
    channel = TermField(label=_("Channel"))
    date = forms.DateField(label=_("Date"), validators=[not_in_future], widget=ISO_DATE)
    language = forms.ChoiceField(
        label=_("Language of the contact"),
        required=False,
        choices=[("", _("— not recorded —")), *CONTACT_LANGUAGES],
    )
    note = forms.CharField(
        label=_("Short note"),
        required=False,
        max_length=settings.CONTACT_NOTE_MAX_LENGTH,
        strip=True,
        help_text=_("Optional. Never write a name, address or phone number."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    # Without JavaScript a <select> cannot take a postal code, so the page offers this box inside
    # <noscript> next to the municipality: "3800" with no municipality chosen picks Sint-Truiden.
    postal_code = forms.CharField(
        label=_("Or its postal code"),
        required=False,
        max_length=10,
        help_text=_("Instead of choosing the municipality."),
    )

    pii_guarded_fields = ("note",)

    def __init__(self, org, *args, contact=None, last_channel=None, **kwargs):
        self.org = org
        data = args[0] if args else kwargs.get("data")
        if contact is not None and data is None:
            kwargs["initial"] = contact.as_codes()
        super().__init__(*args, **kwargs)
        used = _used_ids(contact)
        terms = terms_of(org)
        f = self.fields
        f["asker_role"].set_terms(terms.visible("asker_role", used["asker_role"]))
        f["channel"].set_terms(terms.visible("channel", used["channel"]))
        f["life_stages"].set_terms(terms.visible("life_stage", used["life_stages"]))
        f["offers"].set_terms(terms.visible("offer", used["offers"]))
        themes = terms.visible("theme", used["themes"])
        grouped = themes_by_group(themes)  # in <optgroup>s
        f["main_theme"].set_terms(themes, grouped)
        f["themes"].set_terms(themes, grouped)
        f["municipality"] = MunicipalityField(
            terms.municipalities,
            label=_("Municipality"),
            help_text=_("Where the family lives: name or postal code."),
        )
        self.order_fields(["asker_role", "municipality"])
        f = self.fields
        self.served_by_postal_code = by_postal_code(terms.municipalities)
        if self.is_bound:
            self.data = take_municipality_from_postal_code(self)
        if not self.is_bound and contact is None:
            self.initial.setdefault("date", timezone.localdate())
            self.initial.setdefault("request_kind", "parenting")
            self.initial.setdefault("duration", "5to15")
            self.initial.setdefault("channel", last_channel or "phone")
        f["asker_role"].widget.attrs["autofocus"] = True

    def clean_postal_code(self):
        typed = normalise_postal_code(self.cleaned_data["postal_code"])
        if not typed:
            return ""
        served = self.served_by_postal_code.get(typed, [])
        if not served:
            raise ValidationError(
                _("No municipality this organisation serves has postal code %(code)s.") % {"code": typed}
            )
        if len(served) > 1:
            raise ValidationError(
                _("Postal code %(code)s belongs to %(names)s: choose the municipality.")
                % {"code": typed, "names": ", ".join(m.name for m in served)}
            )
        return typed

    def clean(self):
        data = super().clean()
        municipality, typed = data.get("municipality"), data.get("postal_code")
        if typed and hasattr(municipality, "code") and municipality not in self.served_by_postal_code[typed]:
            self.add_error(
                "postal_code",
                _("%(code)s is the postal code of %(other)s, not of %(name)s.")
                % {
                    "code": typed,
                    "other": self.served_by_postal_code[typed][0].name,
                    "name": municipality.name,
                },
            )
        check_area_on_date(self, data)
        return data


def normalise_postal_code(typed):
    return "".join(typed.split()).upper()


def by_postal_code(municipalities):
    served = {}
    for m in municipalities:
        for code in sorted({p.code for p in m.postal_codes.all()}):
            served.setdefault(code, []).append(m)
    return served


def take_municipality_from_postal_code(form):
    """The form's data with the municipality that has the typed postal code, when none was chosen
    (without JavaScript); a postal code of none or of several stays for clean_postal_code to refuse."""
    field, typed_field = form.add_prefix("municipality"), form.add_prefix("postal_code")
    served = form.served_by_postal_code.get(normalise_postal_code(form.data.get(typed_field, "")), [])
    if form.data.get(field) or len(served) != 1:
        return form.data
    data = form.data.copy()
    data[field] = served[0].code
    return data


def themes_by_group(themes):
    groups = {}
    for theme in themes:
        groups.setdefault(theme.group, []).append((theme.code, theme.label))
    return [(group.label, choices) for group, choices in groups.items()]


def _used_ids(contact):
    if contact is None:
        return {"asker_role": (), "channel": (), "life_stages": (), "offers": (), "themes": ()}
    return {
        "asker_role": [contact.asker_role_id],
        "channel": [contact.channel_id],
        "life_stages": [t.pk for t in contact.life_stages.all()],
        "offers": [t.pk for t in contact.offers.all()],
        "themes": [ct.theme_id for ct in contact.contact_themes.all()],
    }


class TallySettingsForm(PIIGuardMixin, forms.Form):
    """What every count on an outreach tally shares."""

    pii_guarded_fields = ("place",)

    date = forms.DateField(label=_("Date"), validators=[not_in_future], widget=ISO_DATE)
    municipality = forms.ChoiceField(label=_("Municipality"))  # replaced in __init__
    place = forms.CharField(
        label=_("Place"),
        max_length=100,
        required=False,
        help_text=_("For example: school gate, market, consultation office. No names of people."),
    )
    asker_role = TermField(label=_("Who asked, mostly"))
    request_kind = forms.ChoiceField(label=_("Kind of request"), choices=fixed_choices("request_kind"))
    offers = TermsField(label=_("What was offered"), widget=forms.CheckboxSelectMultiple)
    duration = forms.ChoiceField(label=_("Time spent per contact"), choices=fixed_choices("duration"))

    def __init__(self, org, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.org = org
        terms = terms_of(org)
        self.fields["municipality"] = MunicipalityField(terms.municipalities, label=_("Municipality"))
        self.fields["asker_role"].set_terms(terms.visible("asker_role"))
        self.fields["offers"].set_terms(terms.visible("offer"))
        self.order_fields(["date", "municipality", "place"])
        if not self.is_bound:
            self.initial.update(
                date=timezone.localdate(),
                request_kind="parenting",
                duration="lt5",
                offers=["info"],
                asker_role="mother",
            )

    def clean(self):
        data = super().clean()
        check_area_on_date(self, data)
        data["channel"] = terms_of(self.org).get("channel", "outreach")
        if data["channel"] is None:
            raise ValidationError(_("This organisation has no channel with code 'outreach'."))
        return data
