from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.fields import ISO_DATE
from opvoedwijzer.core.models import User
from opvoedwijzer.privacy.forms import PIIGuardMixin
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
