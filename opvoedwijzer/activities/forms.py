import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.contacts.models import Area
from opvoedwijzer.core.fields import ISO_DATE, phone_or_email
from opvoedwijzer.core.ratelimit import HONEYPOT
from opvoedwijzer.core.translations import TranslationsFormMixin
from opvoedwijzer.library.models import Audience
from opvoedwijzer.privacy.forms import PIIGuardMixin, RedactPublicTextMixin
from opvoedwijzer.socialmap.models import Location, MapOrganisation
from opvoedwijzer.taxonomy.fields import (
    MunicipalityField,
    TermChoiceField,
    served_municipalities,
    themes_by_group,
)
from opvoedwijzer.taxonomy.models import AskerRole, LifeStage, Theme

from .models import MAX_PEOPLE_PER_SIGNUP, SCORES, Activity, Evaluation, Session


class ActivityForm(PIIGuardMixin, TranslationsFormMixin, forms.ModelForm):
    pii_guarded_fields = ("title", "description", "target_group")
    translated_fields = ("title", "description")  # their versions are guarded too (see the mixin)

    class Meta:
        model = Activity
        fields = [
            *["kind", "title", "description", "themes", "life_stages", "audience", "language"],
            *["target_group", "partners", "price", "capacity", "join_later"],
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "life_stages": forms.CheckboxSelectMultiple,
        }

    def __init__(self, org, *args, taken=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.taken = taken
        themes = Theme.objects.for_org(org).visible().select_related("group")
        self.fields["themes"].queryset = themes
        self.fields["themes"].to_field_name = "code"
        self.fields["themes"].widget.choices = themes_by_group(themes)
        self.fields["themes"].widget.attrs["size"] = 8
        self.fields["life_stages"].queryset = LifeStage.objects.for_org(org).visible()
        self.fields["partners"].queryset = MapOrganisation.objects.filter(organisation=org).order_by("name")
        self.fields["partners"].widget.attrs["size"] = 6
        self.fields["partners"].help_text = _("Organisations from the social map.")

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity is not None and capacity < self.taken:
            raise ValidationError(
                _("%(taken)s people have a confirmed place already; cancel sign-ups first.")
                % {"taken": self.taken}
            )
        return capacity


# A formset's number of rows comes from a hidden field: without a limit, a posted
# "TOTAL_FORMS=9223372036854775808" builds and renders Django's default maximum of 2,000 forms.
MAX_ROWS = 100

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class SessionForm(PIIGuardMixin, forms.Form):
    pii_guarded_fields = ("room",)
    pk = forms.IntegerField(required=False, widget=forms.HiddenInput)
    day = forms.DateField(label=_("Date"), widget=ISO_DATE)
    start = forms.TimeField(label=_("From"), widget=TIME)
    end = forms.TimeField(label=_("Until"), widget=TIME)
    location = forms.ModelChoiceField(queryset=None, required=False, label=_("Location"))
    room = forms.CharField(label=_("Room or extra directions"), max_length=200, required=False)

    def __init__(self, *args, locations=None, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["location"].queryset = locations
        self.fields["location"].empty_label = _("— choose a location of the social map —")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The end must be after the start."))
        return cleaned

    def session_fields(self):
        d = self.cleaned_data
        tz = timezone.get_current_timezone()
        return {
            "pk": d.get("pk"),
            "starts_at": datetime.datetime.combine(d["day"], d["start"], tzinfo=tz),
            "ends_at": datetime.datetime.combine(d["day"], d["end"], tzinfo=tz),
            "location": d.get("location"),
            "room": d.get("room", ""),
        }


class BaseSessionFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        deleted = [
            f.cleaned_data["pk"]
            for f in self.forms
            if f.cleaned_data.get("DELETE") and f.cleaned_data.get("pk")
        ]
        counted = Session.objects.filter(pk__in=deleted).exclude(attendance=None, evaluations=None)
        if deleted and counted.exists():
            raise ValidationError(
                _("A session with a head count or evaluations cannot be deleted: its numbers would be lost.")
            )
        kept = [f for f in self.forms if (f.has_changed() or f.cleaned_data.get("pk"))]
        if not [f for f in kept if not f.cleaned_data.get("DELETE")]:
            raise ValidationError(_("Add at least one date."))


def session_formset(org, data=None, *, sessions=(), extra=1, user=None):
    FormSet = forms.formset_factory(
        SessionForm,
        formset=BaseSessionFormSet,
        extra=extra,
        can_delete=True,
        max_num=MAX_ROWS,
        absolute_max=MAX_ROWS,
        validate_max=True,
    )
    locations = Location.objects.filter(organisation=org).order_by("name", "city")
    local = timezone.localtime
    initial = [
        {
            "pk": s.pk,
            "day": local(s.starts_at).date(),
            "start": local(s.starts_at).time(),
            "end": local(s.ends_at).time(),
            "location": s.location_id,
            "room": s.room,
        }
        for s in sessions
    ]
    return FormSet(
        data, prefix="sessions", initial=initial, form_kwargs={"locations": locations, "user": user}
    )


class SignUpForm(forms.Form):
    name = forms.CharField(
        label=_("Your first name or a nickname"),
        max_length=60,
        help_text=_("So that we know who is who on the evening. No surname needed."),
    )
    people = forms.IntegerField(
        label=_("How many people are coming?"), min_value=1, max_value=MAX_PEOPLE_PER_SIGNUP, initial=1
    )
    contact = forms.CharField(
        label=_("Phone number or e-mail address"),
        max_length=254,
        required=False,
        help_text=_(
            "Only if you want a reminder two days before, or a message when a place frees up. "
            "We delete it one week after the last session."
        ),
    )

    def __init__(self, *args, public=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not public:  # staff sign someone up who calls or drops by
            self.fields["name"].label = _("First name or nickname")
            self.fields["name"].help_text = ""
            self.fields["people"].label = _("Number of people")
            self.fields["contact"].help_text = _(
                "Only if they want a reminder; deleted a week after the last session."
            )
        if public:
            self.fields[HONEYPOT] = forms.CharField(required=False, label=_("Leave this field empty"))
            self.fields[HONEYPOT].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    def clean_contact(self):
        value = self.cleaned_data["contact"].strip()
        return phone_or_email(value) if value else ""

    def is_spam(self):
        return bool(self.data.get(HONEYPOT))


class CancelActivityForm(PIIGuardMixin, forms.Form):
    pii_guarded_fields = ("message",)
    message = forms.CharField(
        label=_("Message to everyone who signed up"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        required=False,
        help_text=_("Sent to whoever left a phone number or e-mail address."),
    )


class AttendanceRowForm(forms.Form):
    who = TermChoiceField(AskerRole.objects.none(), label=_("Who"), required=False)
    municipality = MunicipalityField([], label=_("From"), required=False)
    count = forms.IntegerField(label=_("Number"), min_value=0, max_value=10_000, required=False)

    def __init__(self, *args, roles=None, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["who"].queryset = roles
        self.fields["who"].empty_label = _("— choose —")
        self.fields["municipality"] = MunicipalityField(municipalities, label=_("From"), required=False)

    def has_changed(self):
        """A row with anything typed in it counts, also when it repeats the saved head count (the
        formset would otherwise skip it as unchanged and lose it on save)."""
        return any(self.data.get(self.add_prefix(name)) for name in self.fields)

    def clean(self):
        cleaned = super().clean()
        filled = [cleaned.get(n) not in (None, "") for n in ("who", "municipality", "count")]
        if any(filled) and not all(filled):
            raise ValidationError(_("Fill in who, from where and how many — or leave the row empty."))
        return cleaned

    def row(self):
        d = self.cleaned_data
        if not d.get("count"):
            return None
        place = d["municipality"]
        if isinstance(place, str):
            return {"who": d["who"], "area": place, "municipality": None, "count": d["count"]}
        return {"who": d["who"], "area": Area.MUNICIPALITY, "municipality": place, "count": d["count"]}


def attendance_formset(org, data=None, *, session):
    initial = [
        {
            "who": a.who.code,
            "municipality": a.municipality.code if a.municipality_id else a.area,
            "count": a.count,
        }
        for a in session.attendance.select_related("who", "municipality")
    ]
    FormSet = forms.formset_factory(
        AttendanceRowForm,
        extra=2 if initial else 6,
        max_num=MAX_ROWS,
        absolute_max=MAX_ROWS,
        validate_max=True,
    )
    kwargs = {
        "roles": AskerRole.objects.for_org(org).visible(),
        "municipalities": served_municipalities(org),
    }
    return FormSet(data, prefix="attendance", initial=initial, form_kwargs=kwargs)


MAX_COMMENT_LENGTH = 1000


class EvaluationForm(RedactPublicTextMixin, forms.ModelForm):
    pii_redacted_fields = ("comment",)

    # Declared, not derived from the model's TextField: a max_length set after the field is made
    # would only reach the browser (maxlength), not the validation on the server.
    comment = forms.CharField(
        label=Evaluation._meta.get_field("comment").verbose_name,
        max_length=MAX_COMMENT_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Please do not write names. We remove them if you do."),
    )

    class Meta:
        model = Evaluation
        fields = ["overall", "useful", "atmosphere", "comment"]
        widgets = {
            "overall": forms.RadioSelect,
            "useful": forms.RadioSelect,
            "atmosphere": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("overall", "useful", "atmosphere"):
            self.fields[name].choices = SCORES  # without the empty "---------" of a model field
            self.fields[name].help_text = _("1 = not at all, 5 = very much")


class AgendaFilterForm(forms.Form):
    municipality = forms.ChoiceField(required=False, label=_("Where"))
    theme = forms.ModelChoiceField(queryset=None, required=False, to_field_name="code", label=_("Theme"))
    life_stage = forms.ModelChoiceField(queryset=None, required=False, to_field_name="code", label=_("Age"))
    audience = forms.ChoiceField(required=False, label=_("For"))

    def __init__(self, org, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [
            ("", _("everywhere")),
            *[(m.code, m.name) for m in org.municipalities.order_by("name_nl")],
        ]
        themes = Theme.objects.for_org(org).visible().select_related("group")
        self.fields["theme"].queryset = themes
        self.fields["theme"].widget.choices = [("", _("all themes")), *themes_by_group(themes)]
        self.fields["life_stage"].queryset = LifeStage.objects.for_org(org).visible()
        self.fields["life_stage"].empty_label = _("all ages")
        self.fields["audience"].choices = [
            ("", _("everyone")),
            (Audience.PARENTS.value, _("parents")),
            (Audience.PROFESSIONALS.value, _("professionals")),
        ]

    def filter(self, activities):
        if not self.is_valid():
            return activities
        d = self.cleaned_data
        if d["municipality"]:
            activities = activities.in_municipality(d["municipality"])
        if d["theme"]:
            activities = activities.filter(themes=d["theme"])
        if d["life_stage"]:
            activities = activities.filter(life_stages=d["life_stage"])
        if d["audience"]:
            activities = activities.filter(audience__in=[d["audience"], Audience.BOTH])
        return activities
