"""The counsellor's forms: one per action on a trajectory, each with its own URL. Every free text goes
through the PII guard; a trajectory is known by its code, never by a name."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.fields import ISO_DATE, not_in_future
from opvoedwijzer.core.models import ROLES_THAT_COUNSEL
from opvoedwijzer.privacy.forms import PIIGuardMixin
from opvoedwijzer.taxonomy.cache import terms_of
from opvoedwijzer.taxonomy.fields import (
    MunicipalityField,
    TermField,
    TermsField,
    check_area_on_date,
    fixed_choices,
    themes_by_group,
)

from .models import ConsultationKind, HypothesisStatus, Outcome, ProfessionalKind, SessionKind, TrajectoryKind

NEVER_A_NAME = _("Never write a name, address, phone number or birth date.")


def score_field(label, *, required=True):
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=0,
        max_value=10,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "score-input"}),
    )


SCORED_BY_PARENT = "parent"
SCORED_BY_COUNSELLOR = "counsellor"
PARENTS_OWN = _("The parent's own score")


def scored_by_field(own=PARENTS_OWN):
    """Who gave the score(s): the parent's (or professional's) own, by default, or the counsellor's
    estimate. ScoredByMixin.by_parent turns it into the services' `by_parent`."""
    return forms.ChoiceField(
        label=_("Who gave the score"),
        choices=[(SCORED_BY_PARENT, own), (SCORED_BY_COUNSELLOR, _("The counsellor's estimate"))],
        initial=SCORED_BY_PARENT,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "checkgroup"}),
    )


class ScoredByMixin:
    def by_parent(self):
        return self.cleaned_data.get("scored_by") != SCORED_BY_COUNSELLOR


def text_field(label, *, required=True, rows=3, max_length=2000, help_text=NEVER_A_NAME):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        strip=True,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class WhereAndWhatMixin:
    """Municipality, life stages and themes (main theme first) as on the contact form; `clean()` hands the
    service `themes` as one list with the main theme first."""

    def set_where_and_what(self, org):
        terms = terms_of(org)
        f = self.fields
        f["municipality"] = MunicipalityField(
            terms.municipalities,
            label=_("Municipality"),
            help_text=_("Where the family lives: name or postal code."),
        )
        f["life_stages"].set_terms(terms.visible("life_stage"))
        themes = terms.visible("theme")
        grouped = themes_by_group(themes)
        f["main_theme"].set_terms(themes, grouped)
        f["themes"].set_terms(themes, grouped)
        return terms

    def themes_in_order(self, data):
        main = data.get("main_theme")
        if main is None:
            return data
        data["themes"] = [main, *(t for t in data.get("themes") or [] if t != main)]
        return data


def life_stages_field():
    return TermsField(
        label=_("Life stage of the child"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkgroup"}),
    )


def other_themes_field():
    return TermsField(
        label=_("Other themes"),
        required=False,
        help_text=_("Optional, besides the main theme."),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkgroup"}),
    )


def counsellors_field(org):
    """Checkboxes of the organisation's active members who may counsel (staff members, coordinators)."""
    users = get_user_model().objects.filter(
        is_active=True,
        memberships__organisation=org,
        memberships__is_active=True,
        memberships__role__in=ROLES_THAT_COUNSEL,
    )
    return forms.ModelMultipleChoiceField(
        label=_("Counsellors"),
        queryset=users.order_by("first_name", "last_name", "email"),
        help_text=_("Staff members find only the trajectories they counsel."),
        error_messages={"required": _("Choose at least one counsellor.")},
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkgroup"}),
    )


class CounsellorsForm(forms.Form):
    """A coordinator chooses who counsels a trajectory."""

    def __init__(self, org, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counsellors"] = counsellors_field(org)


class TrajectoryForm(WhereAndWhatMixin, PIIGuardMixin, forms.Form):
    """A new trajectory, on one page, in tab order; a coordinator chooses its counsellors too (the
    `initial` ones ticked)."""

    kind = forms.ChoiceField(label=_("Kind of trajectory"), choices=TrajectoryKind.choices)
    asker_role = TermField(label=_("Who asked"), empty_label=_("— choose —"))
    municipality = forms.ChoiceField(label=_("Municipality"))  # replaced in __init__
    life_stages = life_stages_field()
    main_theme = TermField(label=_("Main theme"), empty_label=_("— choose —"))
    themes = other_themes_field()
    request = text_field(_("The request, in the parent's words"), rows=4)
    request.widget.attrs["data-suggest-themes"] = True  # issue 20: themes suggested from the text
    started_on = forms.DateField(label=_("Start date"), validators=[not_in_future], widget=ISO_DATE)

    pii_guarded_fields = ("request",)

    def __init__(self, org, *args, choose_counsellors=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.org = org
        terms = self.set_where_and_what(org)
        self.fields["asker_role"].set_terms(terms.visible("asker_role"))
        if choose_counsellors:  # coordinators; others counsel what they open
            self.fields["counsellors"] = counsellors_field(org)
        self.order_fields(["kind", "asker_role", "municipality"])
        self.fields["kind"].widget.attrs["autofocus"] = True
        if not self.is_bound:
            self.initial.setdefault("started_on", timezone.localdate())

    def clean(self):
        data = super().clean()
        if "started_on" in data:
            data["date"] = data["started_on"]  # check_area_on_date reads "date"
            check_area_on_date(self, data)
            del data["date"]
        return self.themes_in_order(data)


class ScoresMixin:
    def score_fields(self):
        """The bound 0–10 fields, one per goal, for the template."""
        return [self[name] for name in self.goal_fields]


def add_score_fields(form, goals, *, required):
    """One 0–10 field per goal, named score_<goal id>, labelled with the goal."""
    form.goal_fields = []
    for number, goal in enumerate(goals, start=1):
        name = f"score_{goal.pk}"
        label = _("Score for goal %(number)s: %(goal)s") % {"number": number, "goal": goal.text}
        form.fields[name] = score_field(label, required=required)
        form.goal_fields.append(name)


def collected_scores(form, goals):
    scores = {}
    for goal in goals:
        value = form.cleaned_data.get(f"score_{goal.pk}")
        if value is not None:
            scores[goal.pk] = value
    return scores


class SessionEditForm(PIIGuardMixin, forms.Form):
    """Correct a session: its date, kind, duration and notes (its scores stay)."""

    date = forms.DateField(label=_("Date"), validators=[not_in_future], widget=ISO_DATE)
    kind = forms.ChoiceField(label=_("Kind of session"), choices=SessionKind.choices)
    duration = forms.ChoiceField(label=_("Time spent"), choices=fixed_choices("duration"))
    notes = text_field(_("Short notes"), required=False, rows=3)

    pii_guarded_fields = ("notes",)


class SessionForm(ScoredByMixin, ScoresMixin, SessionEditForm):
    """A new session, with a score per goal and who gave the scores."""

    scored_by = scored_by_field()

    def __init__(self, goals, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = list(goals)
        add_score_fields(self, self.goals, required=False)
        self.order_fields(["date", "kind", "duration", *self.goal_fields, "scored_by", "notes"])
        if not self.is_bound:
            self.initial.update(date=timezone.localdate(), duration="30to60")

    def clean(self):
        data = super().clean()
        data["scores"] = collected_scores(self, self.goals)
        data["by_parent"] = self.by_parent()
        return data


class GoalForm(ScoredByMixin, PIIGuardMixin, forms.Form):
    text = text_field(_("Goal, as agreed with the parent"), rows=2, max_length=500)
    score = score_field(_("Score at the start (0–10)"))
    scored_by = scored_by_field()

    pii_guarded_fields = ("text",)


class ConsultationGoalForm(GoalForm):
    """A goal agreed with the professional at a consultation or observation visit."""

    text = text_field(_("Goal, as agreed with the professional"), rows=2, max_length=500)
    scored_by = scored_by_field(_("The professional's own score"))


class GoalTextForm(PIIGuardMixin, forms.Form):
    """Correct a goal's wording."""

    text = text_field(_("Goal"), rows=2, max_length=500)

    pii_guarded_fields = ("text",)


class HypothesisForm(PIIGuardMixin, forms.Form):
    text = text_field(_("Hypothesis"), rows=2, max_length=1000)

    pii_guarded_fields = ("text",)


class HypothesisUpdateForm(PIIGuardMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=HypothesisStatus.choices)
    support = text_field(_("What supports or rejects it"), required=False, rows=2, max_length=1000)

    pii_guarded_fields = ("support",)


class PlanForm(PIIGuardMixin, forms.Form):
    plan = text_field(_("Plan of approach"), required=False, rows=5, max_length=4000)

    pii_guarded_fields = ("plan",)


class NetworkMemberForm(PIIGuardMixin, forms.Form):
    role = forms.CharField(
        label=_("Who (a role, never a name)"),
        max_length=100,
        help_text=_("For example: grandmother, class teacher, neighbour."),
    )
    how = text_field(_("How they help"), required=False, rows=2, max_length=500, help_text="")

    pii_guarded_fields = ("role", "how")


class CloseForm(ScoredByMixin, ScoresMixin, PIIGuardMixin, forms.Form):
    date = forms.DateField(label=_("Closed on"), validators=[not_in_future], widget=ISO_DATE)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    scored_by = scored_by_field()
    evaluation = text_field(_("The parent's evaluation"), required=False, rows=3)

    pii_guarded_fields = ("evaluation",)

    def __init__(self, goals, *args, started_on=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = list(goals)
        self.started_on = started_on
        add_score_fields(self, self.goals, required=False)
        self.order_fields(["date", "outcome", *self.goal_fields, "scored_by", "evaluation"])
        if not self.is_bound:
            self.initial["date"] = timezone.localdate()

    def clean(self):
        data = super().clean()
        if self.started_on and data.get("date") and data["date"] < self.started_on:
            self.add_error("date", _("A trajectory cannot close before it started."))
        data["scores"] = collected_scores(self, self.goals)
        data["by_parent"] = self.by_parent()
        return data


class ConsultationForm(WhereAndWhatMixin, PIIGuardMixin, forms.Form):
    """A case consultation or an observation visit, for a professional (never about a named child)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ConsultationKind.choices)
    professional_kind = forms.ChoiceField(
        label=_("Kind of organisation of the professional"), choices=ProfessionalKind.choices
    )
    date = forms.DateField(label=_("Date"), validators=[not_in_future], widget=ISO_DATE)
    duration = forms.ChoiceField(label=_("Time spent"), choices=fixed_choices("duration"))
    municipality = forms.ChoiceField(label=_("Municipality"))  # replaced in __init__
    life_stages = life_stages_field()
    main_theme = TermField(label=_("Main theme"), empty_label=_("— choose —"))
    themes = other_themes_field()
    question = text_field(_("The question"), rows=3)
    observed = text_field(_("What was observed"), required=False, rows=3, help_text=_("Observation visits."))
    advice = text_field(_("The advice"), required=False, rows=3, help_text="")
    follow_up_on = forms.DateField(label=_("Follow-up on"), required=False, widget=ISO_DATE)

    pii_guarded_fields = ("question", "observed", "advice")

    def __init__(self, org, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.org = org
        self.set_where_and_what(org)
        self.order_fields(["kind", "professional_kind", "date", "duration", "municipality"])
        self.fields["kind"].widget.attrs["autofocus"] = True
        if not self.is_bound:
            self.initial.update(date=timezone.localdate(), duration="30to60")

    def clean(self):
        data = super().clean()
        check_area_on_date(self, data)
        return self.themes_in_order(data)


class FollowUpForm(ScoredByMixin, ScoresMixin, PIIGuardMixin, forms.Form):
    """What came of a consultation's follow-up meeting, with a score per goal of the consultation."""

    held_on = forms.DateField(label=_("Follow-up held on"), validators=[not_in_future], widget=ISO_DATE)
    notes = text_field(_("What was seen or said"), rows=3)
    advice = text_field(_("The advice then"), required=False, rows=3, help_text="")
    scored_by = scored_by_field(_("The professional's own score"))

    pii_guarded_fields = ("notes", "advice")

    def __init__(self, goals, *args, date=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = list(goals)
        self.date = date
        add_score_fields(self, self.goals, required=False)
        self.order_fields(["held_on", "notes", "advice", *self.goal_fields, "scored_by"])
        if not self.is_bound:
            self.initial["held_on"] = timezone.localdate()

    def clean(self):
        data = super().clean()
        if self.date and data.get("held_on") and data["held_on"] < self.date:
            self.add_error("held_on", _("The follow-up cannot be held before the consultation."))
        data["scores"] = collected_scores(self, self.goals)
        data["by_parent"] = self.by_parent()
        return data
