"""Forms of the social map: search, services, organisations, locations, imports and referrals."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.contacts.models import CONTACT_LANGUAGES
from opvoedwijzer.core.fields import ISO_DATE
from opvoedwijzer.privacy.forms import PIIGuardMixin
from opvoedwijzer.taxonomy.fields import themes_by_group
from opvoedwijzer.taxonomy.models import LifeStage, Theme

from .hours import format_hours, parse_hours
from .models import Location, MapOrganisation, Outcome, Partnership, Service, ServiceStatus

LANGUAGES = [(code, label) for code, label in CONTACT_LANGUAGES if code != "other"]


class CodeChoiceField(forms.ModelChoiceField):
    """A term chosen by its code (readable URLs: ?theme=bullying)."""

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, to_field_name="code", **kwargs)


class SearchForm(forms.Form):
    """The search of the social map (GET). Everything optional; the text box understands an age and a
    municipality as well ("pesten 10 jaar Sint-Truiden")."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("Words, an age and a place, e.g. “pesten 10 jaar Sint-Truiden”."),
    )
    municipality = forms.ModelChoiceField(
        queryset=None, required=False, label=_("For someone from"), to_field_name="code"
    )
    theme = CodeChoiceField(queryset=None, required=False, label=_("Theme"))
    life_stage = CodeChoiceField(queryset=None, required=False, label=_("Life stage"))
    language = forms.ChoiceField(choices=[("", "—"), *LANGUAGES], required=False, label=_("Language"))
    open_now = forms.BooleanField(required=False, label=_("Open now"))

    def __init__(self, org, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = org.municipalities.all()
        self.fields["municipality"].empty_label = "—"
        themes = Theme.objects.for_org(org).visible().select_related("group")
        self.fields["theme"].queryset = themes
        self.fields["theme"].widget.choices = [("", "—"), *themes_by_group(themes)]
        self.fields["life_stage"].queryset = LifeStage.objects.for_org(org).visible()
        self.fields["life_stage"].empty_label = "—"
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})

    def criteria(self):
        from .search import Criteria

        d = self.cleaned_data if self.is_valid() else {}
        return Criteria(
            text=d.get("q") or "",
            municipality=d.get("municipality"),
            theme=d.get("theme"),
            life_stage=d.get("life_stage"),
            language=d.get("language") or "",
            open_now=bool(d.get("open_now")),
        )


class OpeningHoursField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Opening hours"))
        kwargs.setdefault(
            "help_text", _("One line per period, e.g. “ma-vr 9:00-12:30” and “wo 13:30-17:00”.")
        )
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        try:
            return parse_hours(value)
        except ValueError as error:
            raise ValidationError(str(error), code="hours") from error


class YearsField(forms.DecimalField):
    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=0, max_value=120, decimal_places=1, **kwargs)


# The order of the service form: what a service is, for whom, where and when; then the rest.
FIRST_FIELDS = [
    *["map_organisation", "name", "description", "themes", "life_stages", "min_years", "max_years"],
    *["municipalities", "locations", "opening_hours", "phone", "languages", "eligibility_description"],
]


class ServiceForm(PIIGuardMixin, forms.ModelForm):
    pii_guarded_fields = ("description", "application_process", "eligibility_description")

    min_years = YearsField(label=_("From age (years)"))
    max_years = YearsField(label=_("Up to age (years)"), help_text=_("Leave empty: no upper limit."))
    languages = forms.MultipleChoiceField(
        choices=LANGUAGES,
        required=False,
        label=_("Languages"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    phone = forms.CharField(label=_("Phone number"), max_length=40, required=False)
    opening_hours = OpeningHoursField(
        help_text=_(
            "Only when the service keeps other hours than its location, e.g. a helpline: “ma-vr 9-17”."
        )
    )

    class Meta:
        model = Service
        fields = [
            "map_organisation",
            "name",
            "description",
            "themes",
            "life_stages",
            "municipalities",
            "locations",
            "eligibility_description",
            "application_process",
            "fees_description",
            "url",
            "email",
            "status",
        ]
        widgets = {
            "municipalities": forms.CheckboxSelectMultiple,
            "life_stages": forms.CheckboxSelectMultiple,
            "locations": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
            "application_process": forms.Textarea(attrs={"rows": 2}),
            "eligibility_description": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, org, *args, **kwargs):
        self.org = org
        service = kwargs.get("instance")
        super().__init__(*args, **kwargs)
        f = self.fields
        f["map_organisation"].queryset = MapOrganisation.objects.for_org(org)
        f["map_organisation"].required = True
        f["map_organisation"].label = _("Organisation")
        themes = Theme.objects.for_org(org).visible().select_related("group")
        f["themes"].queryset = themes
        f["themes"].to_field_name = "code"
        f["themes"].widget.choices = themes_by_group(themes)
        f["themes"].widget.attrs["size"] = 8
        f["life_stages"].queryset = LifeStage.objects.for_org(org).visible()
        f["municipalities"].queryset = org.municipalities.all()
        f["locations"].queryset = Location.objects.for_org(org).select_related("map_organisation")
        f["locations"].label = _("Where")
        f["locations"].required = False
        f["locations"].help_text = _("None: by phone or online only.")
        f["status"].choices = [c for c in ServiceStatus.choices if c[0] != ServiceStatus.DEFUNCT]
        self.order_fields(FIRST_FIELDS)
        if service is not None and service.pk and not self.is_bound:
            self.initial.update(
                min_years=_years(service.min_months),
                max_years=_years(service.max_months),
                languages=service.language_list,
                phone=next((p.number for p in service.phones.all()), ""),
                opening_hours=format_hours(service.schedules.all()),
            )

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_years"), cleaned.get("max_years")
        if low is not None and high is not None and low > high:
            self.add_error("max_years", _("The upper age must not be below the lower age."))
        return cleaned

    def service_data(self):
        """`cleaned_data` in the shape `services.create_service` and `update_service` take."""
        d = dict(self.cleaned_data)
        d["min_months"] = None if d.get("min_years") is None else round(d["min_years"] * 12)
        d["max_months"] = None if d.get("max_years") is None else round(d["max_years"] * 12)
        d["languages"] = ",".join(d.get("languages") or [])
        return d


def _years(months):
    if months is None:
        return None
    return months // 12 if months % 12 == 0 else round(months / 12, 1)


class MapOrganisationForm(forms.ModelForm):
    phone = forms.CharField(label=_("Phone number"), max_length=40, required=False)

    class Meta:
        model = MapOrganisation
        fields = [
            "name",
            "alternate_name",
            "description",
            "website",
            "email",
            "partnership",
            "sociale_kaart_id",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "partnership": forms.RadioSelect}

    def __init__(self, org, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].choices = Partnership.choices
        instance = kwargs.get("instance")
        if instance is not None and instance.pk and not self.is_bound:
            self.initial["phone"] = next((p.number for p in instance.phones.all()), "")


class LocationForm(forms.ModelForm):
    opening_hours = OpeningHoursField()
    phone = forms.CharField(label=_("Phone number"), max_length=40, required=False)

    class Meta:
        model = Location
        fields = [
            "map_organisation",
            "name",
            "address_1",
            "postal_code",
            "city",
            "municipality",
            "accessibility",
            "transportation",
            "latitude",
            "longitude",
        ]
        widgets = {
            "accessibility": forms.Textarea(attrs={"rows": 2}),
            "transportation": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, org, *args, **kwargs):
        self.org = org
        super().__init__(*args, **kwargs)
        f = self.fields
        f["map_organisation"].queryset = MapOrganisation.objects.for_org(org)
        f["map_organisation"].required = True
        f["map_organisation"].label = _("Organisation")
        f["municipality"].queryset = org.municipalities.all()
        f["municipality"].help_text = _("Empty: found from the postal code.")
        f["latitude"].help_text = _("Optional, e.g. 50.8167")
        location = kwargs.get("instance")
        if location is not None and location.pk and not self.is_bound:
            self.initial["opening_hours"] = format_hours(location.schedules.all())
            self.initial["phone"] = next((p.number for p in location.phones.all()), "")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("municipality") and cleaned.get("postal_code"):
            from opvoedwijzer.core.models import Municipality

            cleaned["municipality"] = Municipality.objects.filter(
                postal_codes__code=cleaned["postal_code"].strip()
            ).first()
        lat, lon = cleaned.get("latitude"), cleaned.get("longitude")
        if lat is not None and not -90 <= lat <= 90:
            self.add_error("latitude", _("A latitude lies between -90 and 90."))
        if lon is not None and not -180 <= lon <= 180:
            self.add_error("longitude", _("A longitude lies between -180 and 180."))
        return cleaned


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "HSDS JSON (.json), the HSDS tabular package (.zip with the CSV files), or a plain list (.csv or "
            ".xlsx) with one service per row."
        ),
    )
    skip_refused = forms.BooleanField(
        required=False,
        label=_("Import the good rows even when some are refused"),
        help_text=_("Without this, nothing is imported as long as one row is refused."),
    )

    MAX_BYTES = 50 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise ValidationError(_("The file is larger than 50 MB."))
        if not upload.name.lower().endswith((".json", ".zip", ".csv", ".xlsx")):
            raise ValidationError(_("Choose a .json, .zip, .csv or .xlsx file."))
        return upload


class ReferForm(forms.Form):
    service = forms.ModelChoiceField(
        queryset=None,
        label=_("Service"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the service you referred to.")},
    )
    warm = forms.TypedChoiceField(
        label=_("How"),
        choices=[
            ("1", _("Warm: I made the connection (called, mailed or went along)")),
            ("0", _("Cold: I gave the family the information")),
        ],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        initial="0",
    )
    follow_up = forms.BooleanField(label=_("Remind me to follow up"), required=False, initial=True)
    follow_up_on = forms.DateField(label=_("Remind me on"), required=False, widget=ISO_DATE)

    def __init__(self, services, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("follow_up"):
            day = cleaned.get("follow_up_on")
            if day is None:
                from .services import default_follow_up

                cleaned["follow_up_on"] = default_follow_up()
            elif day < timezone.localdate():
                self.add_error("follow_up_on", _("The reminder date lies in the past."))
        else:
            cleaned["follow_up_on"] = None
        return cleaned


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices, required=False)
