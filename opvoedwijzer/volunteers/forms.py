"""The coordinator's forms for profiles and training, and the overview's filters. Choices are checkboxes
(they work without JavaScript and by keyboard); availability passes the PII guard."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.activities.models import Activity
from opvoedwijzer.contacts.models import CONTACT_LANGUAGES
from opvoedwijzer.core.fields import ISO_DATE, not_in_future
from opvoedwijzer.library.models import Resource
from opvoedwijzer.privacy.forms import PIIGuardMixin
from opvoedwijzer.taxonomy.cache import terms_of
from opvoedwijzer.taxonomy.fields import TermsField, themes_by_group

from .models import Status, TrainingModule, Volunteer
from .services import accounts_without_profile, neighbourhoods_of


def checkboxes():
    return forms.CheckboxSelectMultiple(attrs={"class": "checkgroup"})


class AccountField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        user = obj.user
        name = user.get_full_name()
        return f"{name} ({user.email})" if name else user.email


class AreaChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class VolunteerForm(PIIGuardMixin, forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=60,
        help_text=_("The first name or nickname the team uses. No surname needed."),
    )
    membership = AccountField(
        label=_("Account"),
        queryset=None,
        required=False,
        empty_label=_("— no account yet —"),
        help_text=_("Invite the volunteer under Team first; a candidate may not have an account yet."),
    )
    neighbourhoods = AreaChoiceField(
        label=_("Neighbourhoods"), queryset=None, required=False, widget=checkboxes()
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken with parents"),
        choices=CONTACT_LANGUAGES,
        required=False,
        widget=checkboxes(),
    )
    availability = forms.CharField(
        label=_("Availability"),
        max_length=200,
        required=False,
        help_text=_(
            "When and where, e.g. 'Tuesday and Thursday afternoons, school gate De Linde'. "
            "Never a family's name or address."
        ),
    )
    started_on = forms.DateField(label=_("Start date"), required=False, widget=ISO_DATE)

    pii_guarded_fields = ("availability",)

    def __init__(self, org, *args, volunteer=None, **kwargs):
        super().__init__(*args, **kwargs)
        keep = volunteer.membership if volunteer is not None else None
        self.fields["membership"].queryset = accounts_without_profile(org, keep=keep)
        self.fields["neighbourhoods"].queryset = neighbourhoods_of(org, keep=volunteer)
        self.fields["name"].widget.attrs["autofocus"] = True

    @staticmethod
    def initial_of(volunteer):
        return {
            "name": volunteer.name,
            "membership": volunteer.membership_id,
            "neighbourhoods": [m.pk for m in volunteer.neighbourhoods.all()],
            "languages": [row.language for row in volunteer.languages.all()],
            "availability": volunteer.availability,
            "started_on": volunteer.started_on,
        }


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Status.choices)


class OverviewFilterForm(forms.Form):
    """The overview's filters (GET): a wrong value is an error on the form, the list then unfiltered."""

    language = forms.ChoiceField(label=_("Language"), required=False)
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"), queryset=None, required=False, empty_label=_("— all —")
    )
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, org, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("— all —")), *CONTACT_LANGUAGES]
        self.fields["neighbourhood"].queryset = neighbourhoods_of(org)
        self.fields["neighbourhood"].label_from_instance = lambda m: m.name
        self.fields["status"].choices = [("", _("— all but stopped —")), *Status.choices]


class ModuleForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    themes = TermsField(label=_("Themes"), required=False, widget=checkboxes())
    materials = forms.ModelMultipleChoiceField(
        label=_("Materials from the library"), queryset=None, required=False, widget=checkboxes()
    )
    hours = forms.DecimalField(
        label=_("Hours"),
        min_value=0,
        max_value=99,
        max_digits=4,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    required = forms.BooleanField(
        label=_("Required before being active"),
        required=False,
        help_text=_("A volunteer follows it before starting."),
    )
    position = forms.IntegerField(
        label=_("Order"), min_value=0, max_value=999, help_text=_("Lower numbers come first.")
    )
    archived = forms.BooleanField(label=_("No longer given"), required=False)

    def __init__(self, org, *args, module=None, **kwargs):
        super().__init__(*args, **kwargs)
        keep = [t.pk for t in module.themes.all()] if module is not None else []
        themes = terms_of(org).visible("theme", keep_ids=keep)
        self.fields["themes"].set_terms(themes, themes_by_group(themes))
        self.fields["materials"].queryset = Resource.objects.for_org(org).order_by("title", "pk")
        self.fields["materials"].label_from_instance = lambda r: r.title
        self.fields["title"].widget.attrs["autofocus"] = True
        if not self.is_bound and module is None:
            self.initial.update(hours=2, required=True, position=_next_position(org))

    @staticmethod
    def initial_of(module):
        return {
            "title": module.title,
            "description": module.description,
            "themes": [t.code for t in module.themes.all()],
            "materials": [r.pk for r in module.materials.all()],
            "hours": module.hours,
            "required": module.required,
            "position": module.position,
            "archived": module.archived,
        }


def _next_position(org):
    last = (
        TrainingModule.objects.for_org(org).order_by("-position").values_list("position", flat=True).first()
    )
    return (last or 0) + 1


class ActivityField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class SessionForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=ISO_DATE)
    trainer = forms.CharField(
        label=_("Trainer"),
        max_length=200,
        required=False,
        help_text=_("Who gives it: a colleague, a partner, an expert."),
    )
    activity = ActivityField(
        label=_("Activity of the group offer"),
        queryset=None,
        required=False,
        empty_label=_("— none —"),
        help_text=_("When the session is also an activity of the group offer."),
    )

    def __init__(self, org, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = Activity.objects.for_org(org).filter(cancelled_on__isnull=True)
        self.fields["date"].widget.attrs["autofocus"] = True
        if not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())


class VolunteerChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} ({obj.get_status_display()})"


class AttendanceForm(forms.Form):
    attendees = VolunteerChoices(label=_("Who came"), queryset=None, required=False, widget=checkboxes())

    def __init__(self, session, *args, **kwargs):
        super().__init__(*args, **kwargs)
        org = session.module.organisation_id
        came = session.attendees.values("pk")
        self.fields["attendees"].queryset = (
            Volunteer.objects.for_org(org).filter(pk__in=Volunteer.objects.current().values("pk"))
            | Volunteer.objects.for_org(org).filter(pk__in=came)
        ).distinct()


class CompletionForm(forms.Form):
    module = forms.ModelChoiceField(label=_("Module"), queryset=None, empty_label=_("— choose —"))
    completed_on = forms.DateField(label=_("Completed on"), validators=[not_in_future], widget=ISO_DATE)

    def __init__(self, volunteer, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = (
            TrainingModule.objects.for_org(volunteer.organisation_id)
            .in_use()
            .exclude(completions__volunteer=volunteer)
            .order_by("-required", "position", "title")
        )
        self.fields["module"].label_from_instance = lambda m: m.title
        if not self.is_bound:
            self.initial.setdefault("completed_on", timezone.localdate())
