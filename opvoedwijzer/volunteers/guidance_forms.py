"""The forms of the volunteers' reflection and guidance: a reflection meeting, its attendance, an
intervision case, a learning note, a check-in, a question and its answer. Every free text goes through
the PII guard: volunteers and coordinators talk about families, and a family is never named here."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.fields import ISO_DATE, not_in_future
from opvoedwijzer.privacy.forms import PIIGuardMixin
from opvoedwijzer.taxonomy.cache import terms_of
from opvoedwijzer.taxonomy.fields import TermsField, themes_by_group

from .models import TEXT_MAX_LENGTH, ReflectionMeeting, Volunteer

NEVER_A_FAMILY = _("Never write a name, address, phone number or anything else that identifies a family.")


def text_field(label, *, required=True, rows=3, help_text=NEVER_A_FAMILY):
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT_MAX_LENGTH,
        strip=True,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ReflectionMeetingForm(PIIGuardMixin, forms.Form):
    date = forms.DateField(label=_("Date"), widget=ISO_DATE)
    topics = text_field(_("Topics"), required=False, rows=4)
    expert = forms.CharField(
        label=_("Invited expert"),
        required=False,
        max_length=200,
        help_text=_("Their role or organisation, e.g. 'youth officer of the local police'. No name needed."),
    )

    pii_guarded_fields = ("topics", "expert")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].widget.attrs["autofocus"] = True


class VolunteerCheckboxes(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class AttendanceForm(forms.Form):
    """Who came: checkboxes of the current volunteers (and of anyone who already attended)."""

    def __init__(self, meeting, *args, **kwargs):
        super().__init__(*args, **kwargs)
        volunteers = Volunteer.objects.for_org(meeting.organisation_id)
        attending = list(meeting.attendees.values_list("pk", flat=True))
        self.fields["attendees"] = VolunteerCheckboxes(
            label=_("Who came"),
            queryset=(volunteers.current() | volunteers.filter(pk__in=attending)).distinct(),
            required=False,
            widget=forms.CheckboxSelectMultiple(attrs={"class": "checkgroup"}),
        )
        if not self.is_bound:
            self.initial["attendees"] = attending


class IntervisionCaseForm(PIIGuardMixin, forms.Form):
    situation = text_field(_("The situation"), rows=5)
    questions = text_field(_("The questions raised"), required=False, rows=3, help_text="")
    learned = text_field(_("What we learned"), required=False, rows=3, help_text="")
    themes = TermsField(
        label=_("Themes"), required=False, widget=forms.CheckboxSelectMultiple(attrs={"class": "checkgroup"})
    )

    pii_guarded_fields = ("situation", "questions", "learned")

    def __init__(self, org, *args, **kwargs):
        super().__init__(*args, **kwargs)
        themes = terms_of(org).visible("theme")
        self.fields["themes"].set_terms(themes, themes_by_group(themes))
        self.fields["situation"].widget.attrs["autofocus"] = True


class MeetingChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return formats.date_format(obj.date, "SHORT_DATE_FORMAT")


class LearningNoteForm(PIIGuardMixin, forms.Form):
    text = text_field(_("What I learned"), rows=4)
    meeting = MeetingChoice(
        label=_("Reflection meeting"),
        queryset=ReflectionMeeting.objects.none(),
        required=False,
        empty_label=_("— none —"),
        help_text=_("The meeting this note belongs to, if any."),
    )

    pii_guarded_fields = ("text",)

    def __init__(self, org, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = ReflectionMeeting.objects.for_org(org).filter(
            date__lte=timezone.localdate()
        )


class CheckInForm(PIIGuardMixin, forms.Form):
    date = forms.DateField(label=_("Date"), validators=[not_in_future], widget=ISO_DATE)
    topics = text_field(_("Topics"), rows=4)
    agreements = text_field(_("Agreements"), required=False, rows=3, help_text="")

    pii_guarded_fields = ("topics", "agreements")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["date"] = timezone.localdate()


class QuestionForm(PIIGuardMixin, forms.Form):
    question = text_field(_("Your question"), rows=4)

    pii_guarded_fields = ("question",)


class AnswerForm(PIIGuardMixin, forms.Form):
    answer = text_field(_("Answer"), rows=5)

    pii_guarded_fields = ("answer",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].widget.attrs["autofocus"] = True
