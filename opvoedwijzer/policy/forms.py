import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.fields import ISO_DATE
from opvoedwijzer.core.models import User
from opvoedwijzer.privacy.forms import PIIGuardMixin
from opvoedwijzer.socialmap.models import Location
from opvoedwijzer.taxonomy.fields import themes_by_group
from opvoedwijzer.taxonomy.models import Theme, ThemeGroup

from .models import Meeting, MeetingKind, Signal


class MeetingForm(PIIGuardMixin, forms.ModelForm):
    pii_guarded_fields = ("title", "partners", "topics", "decisions")

    class Meta:
        model = Meeting
        fields = ["date", "kind", "title", "municipalities", "partners", "topics", "decisions"]
        widgets = {
            "date": ISO_DATE,
            "municipalities": forms.CheckboxSelectMultiple,
            "partners": forms.Textarea(attrs={"rows": 3}),
            "topics": forms.Textarea(attrs={"rows": 3}),
            "decisions": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "partners": _("One organisation per line, e.g. CAW, CLB, Kind en Gezin, the municipality."),
            "topics": _("What was discussed. No names of families or children."),
        }

    def __init__(self, *args, organisation, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.org = organisation
        self.fields["municipalities"].queryset = organisation.municipalities.order_by("name_nl")
        self.fields["kind"].choices = MeetingKind.choices


class ActionForm(PIIGuardMixin, forms.Form):
    pii_guarded_fields = ("description", "owner_partner")

    description = forms.CharField(label=_("Action"), max_length=300)
    owner_member = forms.ModelChoiceField(
        label=_("Owner: a colleague"), queryset=User.objects.none(), required=False, empty_label=_("— none —")
    )
    owner_partner = forms.CharField(label=_("or a partner organisation"), max_length=120, required=False)
    due_on = forms.DateField(label=_("Due date"), required=False, widget=ISO_DATE)

    def __init__(self, *args, organisation, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.org = organisation
        members = User.objects.filter(memberships__organisation=organisation, memberships__is_active=True)
        self.fields["owner_member"].queryset = members.order_by("email")
        self.fields["owner_member"].label_from_instance = lambda u: u.get_full_name() or u.email

    def clean(self):
        data = super().clean()
        if not data.get("owner_member") and not data.get("owner_partner"):
            raise ValidationError(_("Say who does it: a colleague or a partner organisation."))
        return data


class SignalForm(PIIGuardMixin, forms.ModelForm):
    pii_guarded_fields = ("title", "description", "evidence")

    class Meta:
        model = Signal
        fields = ["title", "theme", "theme_group", "municipality", "description", "evidence"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "evidence": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "description": _("What need do you see, and for whom (a group, never a family)?"),
            "evidence": _(
                "What it rests on: numbers from the reports, what partners say, examples without names."
            ),
        }

    def __init__(self, *args, organisation, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.org = organisation
        self.fields["theme"].queryset = Theme.objects.for_org(organisation).select_related("group")
        self.fields["theme_group"].queryset = ThemeGroup.objects.for_org(organisation)
        self.fields["municipality"].queryset = organisation.municipalities.order_by("name_nl")
        for name in ("theme", "theme_group", "municipality"):
            self.fields[name].empty_label = _("— not specific —")


class SignalStepForm(PIIGuardMixin, forms.Form):
    """Moving a signal on: what the next step needs."""

    pii_guarded_fields = ("brought_to", "outcome")

    step = forms.ChoiceField(label=_("Next step"), choices=())
    day = forms.DateField(label=_("On"), widget=ISO_DATE)
    brought_to = forms.CharField(
        label=_("Brought to whom"),
        max_length=200,
        required=False,
        help_text=_("A body or a role, e.g. the municipal council's welfare committee."),
    )
    outcome = forms.CharField(
        label=_("Outcome or reason"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, steps, organisation, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.org = organisation
        self.fields["step"].choices = steps

    def clean(self):
        from .models import SignalStatus

        data = super().clean()
        if data.get("step") == SignalStatus.BROUGHT_TO_POLICY and not data.get("brought_to"):
            self.add_error("brought_to", _("Say to whom the signal was brought."))
        return data


TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ThemeMeetingForm(PIIGuardMixin, forms.Form):
    """A theme meeting in the neighbourhood for a signal: the activity's texts, themes and places, and
    its one session (day, hours, a location of the social map)."""

    pii_guarded_fields = ("title", "description", "room")

    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the evening is about and for whom. It shows on the agenda when published."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.none(), to_field_name="code", required=False
    )
    day = forms.DateField(label=_("Date"), widget=ISO_DATE)
    start = forms.TimeField(label=_("From"), widget=TIME)
    end = forms.TimeField(label=_("Until"), widget=TIME)
    location = forms.ModelChoiceField(label=_("Location"), queryset=Location.objects.none(), required=False)
    room = forms.CharField(label=_("Room or extra directions"), max_length=200, required=False)
    capacity = forms.IntegerField(
        label=_("Places"), min_value=1, max_value=10_000, help_text=_("The number of people who can come.")
    )
    publish = forms.BooleanField(
        label=_("Put it on the public agenda now"),
        required=False,
        help_text=_("Parents can then sign up. You can also publish it later from the group offer."),
    )

    def __init__(self, *args, signal, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        org = signal.organisation
        themes = Theme.objects.for_org(org).visible().select_related("group")
        self.fields["themes"].queryset = themes
        self.fields["themes"].widget.choices = themes_by_group(themes)
        self.fields["themes"].widget.attrs["size"] = 8
        locations = Location.objects.filter(organisation=org).select_related("municipality")
        self.fields["location"].queryset = locations
        locations = list(locations.order_by("name", "city"))
        self.fields["location"].widget.choices = location_choices(locations, signal.municipality)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The end must be after the start."))
        return cleaned

    def activity_data(self):
        """The fields of the activity and of its one session, for `services.plan_theme_meeting`."""
        d = self.cleaned_data
        tz = timezone.get_current_timezone()
        return {
            "title": d["title"],
            "description": d["description"],
            "themes": list(d["themes"]),
            "capacity": d["capacity"],
            "starts_at": datetime.datetime.combine(d["day"], d["start"], tzinfo=tz),
            "ends_at": datetime.datetime.combine(d["day"], d["end"], tzinfo=tz),
            "location": d["location"],
            "room": d["room"],
            "publish": d["publish"],
        }


def location_choices(locations, area):
    """The social map's locations, those in or next to `area` (the area itself, the areas that lie in
    it, the municipality it lies in) first, under its name."""
    empty = ("", _("— no location (yet) —"))
    if area is None:
        return [empty, *[(loc.pk, str(loc)) for loc in locations]]
    near = {area.pk, area.part_of_id} - {None}
    inside = [loc for loc in locations if loc.municipality_id in near or _lies_in(loc, area)]
    others = [loc for loc in locations if loc not in inside]
    groups = [empty]
    if inside:
        label = _("In or near %(area)s") % {"area": area.name}
        groups.append((label, [(loc.pk, str(loc)) for loc in inside]))
    if others:
        groups.append((_("Elsewhere"), [(loc.pk, str(loc)) for loc in others]))
    return groups


def _lies_in(location, area):
    return location.municipality_id is not None and location.municipality.part_of_id == area.pk
