from django import forms
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.ratelimit import HONEYPOT
from opvoedwijzer.privacy.forms import RedactPublicTextMixin
from opvoedwijzer.taxonomy.models import LifeStage

from .models import ANSWER_LANGUAGES, default_answer_language

MAX_QUESTION_LENGTH = 2000


class AskForm(RedactPublicTextMixin, forms.Form):
    """A parent's question. Names, phone numbers, addresses … are replaced before it is stored."""

    pii_redacted_fields = ("text",)

    text = forms.CharField(
        label=_("Your question"),
        max_length=MAX_QUESTION_LENGTH,
        # dir=auto: a question typed in Dutch on the Arabic page still reads left to right.
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        help_text=_("Do not write names, addresses or phone numbers: we remove them anyway."),
    )
    life_stage = forms.ModelChoiceField(
        queryset=None, required=False, to_field_name="code", label=_("How old is your child?")
    )
    municipality = forms.ModelChoiceField(
        queryset=None, required=False, to_field_name="code", label=_("Where do you live?")
    )
    language = forms.ChoiceField(  # by default the language of the page (see __init__)
        choices=ANSWER_LANGUAGES, label=_("In which language do you want the answer?")
    )
    email = forms.EmailField(
        required=False,
        label=_("Your e-mail address, for one mail when the answer is ready"),
        help_text=_("We keep it encrypted and delete it as soon as that mail is sent."),
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))  # the honeypot

    def __init__(self, org, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["life_stage"].queryset = LifeStage.objects.for_org(org).visible()
        self.fields["life_stage"].empty_label = _("I'd rather not say")
        self.fields["municipality"].queryset = org.municipalities.all()
        self.fields["municipality"].empty_label = _("I'd rather not say")
        self.fields[HONEYPOT].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["language"].initial = default_answer_language()


class PickUpForm(forms.Form):
    code = forms.CharField(label=_("Your code"), max_length=20)
    secret = forms.CharField(
        label=_("Your secret"), max_length=20, widget=forms.PasswordInput(render_value=True)
    )


class ReplyForm(RedactPublicTextMixin, forms.Form):
    """The parent's reply to an answer; sent with the code and the secret they just typed."""

    pii_redacted_fields = ("text",)

    code = forms.CharField(widget=forms.HiddenInput, max_length=20)
    secret = forms.CharField(widget=forms.HiddenInput, max_length=20)
    text = forms.CharField(
        label=_("Write back"), max_length=MAX_QUESTION_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )
