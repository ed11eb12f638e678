from django import forms
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.privacy.forms import PIIGuardMixin
from opvoedwijzer.taxonomy.fields import fixed_choices, themes_by_group
from opvoedwijzer.taxonomy.models import AskerRole, Channel, LifeStage, OfferType, Theme

from .models import ANSWER_LANGUAGES, RTL_LANGUAGES, ReplyTemplate


class AnswerForm(PIIGuardMixin, forms.Form):
    """The answer, and what the registration of the question needs besides what the parent gave."""

    pii_guarded_fields = ("answer",)

    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 10}))
    main_theme = forms.ModelChoiceField(queryset=None, to_field_name="code", label=_("Main theme"))
    asker_role = forms.ModelChoiceField(queryset=None, to_field_name="code", label=_("Who asked"))
    request_kind = forms.ChoiceField(
        choices=fixed_choices("request_kind"), initial="parenting", label=_("Kind of request")
    )
    offers = forms.ModelMultipleChoiceField(queryset=None, to_field_name="code", label=_("Offered"))
    duration = forms.ChoiceField(choices=fixed_choices("duration"), initial="15to30", label=_("Time spent"))
    themes = forms.ModelMultipleChoiceField(
        queryset=None,
        to_field_name="code",
        required=False,
        label=_("Other themes"),
        help_text=_("Optional, besides the main theme."),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkgroup"}),
    )
    life_stages = forms.ModelMultipleChoiceField(
        queryset=None,
        to_field_name="code",
        required=False,
        label=_("Life stage of the child"),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkgroup"}),
    )

    def __init__(self, org, *args, language="", **kwargs):
        self.org = org
        super().__init__(*args, **kwargs)
        if language and language != "other":  # the answer is written in the question's language
            self.fields["answer"].widget.attrs["lang"] = language
            if language in RTL_LANGUAGES:
                self.fields["answer"].widget.attrs["dir"] = "rtl"
        themes = Theme.objects.for_org(org).visible().select_related("group")
        self.fields["main_theme"].queryset = themes
        self.fields["main_theme"].widget.choices = [("", "—"), *themes_by_group(themes)]
        self.fields["themes"].queryset = themes
        self.fields["themes"].widget.choices = themes_by_group(themes)
        self.fields["life_stages"].queryset = LifeStage.objects.for_org(org).visible()
        self.fields["asker_role"].queryset = AskerRole.objects.for_org(org).visible()
        self.fields["offers"].queryset = OfferType.objects.for_org(org).visible()
        self.initial.setdefault("offers", ["info"])
        self.initial.setdefault("asker_role", "other")

    def contact_data(self):
        """The registration's data; without a life stage ticked, the one the parent gave (if any) is
        taken by services.answer_question."""
        d = self.cleaned_data
        data = {
            "channel": Channel.objects.for_org(self.org).get(code="web_question"),
            "asker_role": d["asker_role"],
            "request_kind": d["request_kind"],
            "main_theme": d["main_theme"],
            "themes": [t for t in d["themes"] if t != d["main_theme"]],
            "offers": list(d["offers"]),
            "duration": d["duration"],
        }
        if d["life_stages"]:
            data["life_stages"] = list(d["life_stages"])
        return data


class ReplyTemplateForm(PIIGuardMixin, forms.ModelForm):
    """A template ends up in answers: the PII guard reads it like the answer itself."""

    pii_guarded_fields = ("text",)

    class Meta:
        model = ReplyTemplate
        fields = ["title", "language", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = self.instance.language if self.instance.pk else ""
        if language:  # the text is in the template's language
            self.fields["text"].widget.attrs["lang"] = language
            if language in RTL_LANGUAGES:
                self.fields["text"].widget.attrs["dir"] = "rtl"


class InboxFilterForm(forms.Form):
    """The inbox's filter on the language of the questions (GET; the tab comes along hidden)."""

    language = forms.ChoiceField(
        choices=[("", _("All languages")), *ANSWER_LANGUAGES], required=False, label=_("Language")
    )

    def language_or_all(self):
        """The chosen language, or "" (all) when none or a bad one was asked for."""
        return self.cleaned_data["language"] if self.is_valid() else ""
