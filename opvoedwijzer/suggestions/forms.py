from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import services

LANGUAGE_CHOICES = [("nl", _("Dutch")), ("fr", _("French")), ("en", _("English"))]


class ThemeWordForm(forms.Form):
    """One word for one theme. No PII guard: a single word or a few, letters only (no digits, no @)."""

    theme = forms.ChoiceField(label=_("Theme"))
    word = forms.CharField(
        label=_("Word"),
        max_length=60,
        help_text=_("One word or a few words that parents use, e.g. 'doorslapen'. Letters only."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, initial="nl")

    def __init__(self, themes, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("Choose a theme"))] + [(t.code, t.label) for t in themes]

    def clean_word(self):
        try:
            return services.clean_word(self.cleaned_data["word"])
        except ValidationError as error:
            raise ValidationError(error.messages) from None
