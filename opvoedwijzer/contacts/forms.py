"""The contact form. The same form validates the web form and the API (which speaks in codes)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.fields import ISO_DATE, not_in_future
from opvoedwijzer.privacy.forms import PIIGuardMixin
from opvoedwijzer.taxonomy.cache import terms_of
from opvoedwijzer.taxonomy.fields import (
    MunicipalityField,
    TermField,
    TermsField,
    by_postal_code,
    check_area_on_date,
    fixed_choices,
    normalise_postal_code,
    themes_by_group,
)

from .models import CONTACT_LANGUAGES


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
        widget=forms.Textarea(attrs={"rows": 2, "data-suggest-themes": ""}),  # static/js/suggest.js
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


class LogForm(ContactForm):
    """The conversation log's form (a volunteer on a phone; staff may use it too): the contact form with
    the place of the conversation (as the outreach tally's, through the PII guard), and the channel
    "on location" as its visible default. The API validates with it when a client sends `place`."""

    place = forms.CharField(
        label=_("Where exactly"),
        max_length=100,
        required=False,
        help_text=_("For example: school gate, market, library. No names of people."),
    )

    pii_guarded_fields = ("note", "place")

    def __init__(self, org, *args, **kwargs):
        super().__init__(org, *args, **kwargs)
        self.order_fields(["date", "municipality", "place", "asker_role", "main_theme"])
        self.fields["asker_role"].widget.attrs.pop("autofocus", None)
        if not self.is_bound and kwargs.get("contact") is None:
            terms = terms_of(org)
            outreach = terms.get("channel", "outreach") or terms.get("channel", "in_person")
            if outreach is not None:
                self.initial["channel"] = outreach.code
