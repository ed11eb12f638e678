from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ThemeGroup


class TermForm(forms.Form):
    label = forms.CharField(
        label=_("Label"),
        max_length=100,
        required=False,
        help_text=_("Leave empty to use the standard label."),
    )
    hidden = forms.BooleanField(label=_("Hide this term in new registrations"), required=False)


class NewTermForm(forms.Form):
    code = forms.SlugField(
        label=_("Code"),
        max_length=40,
        help_text=_(
            "A short, stable identifier in lower case, e.g. 'sleep_teens'. It can never be changed or reused."
        ),
    )
    label = forms.CharField(label=_("Label"), max_length=100)
    group = forms.ModelChoiceField(ThemeGroup.objects.none(), label=_("Theme group"), required=False)

    def __init__(self, org, dimension, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if dimension == "theme":
            self.fields["group"].queryset = ThemeGroup.objects.for_org(org)
            self.fields["group"].required = True
            self.fields["group"].label_from_instance = lambda g: g.label
        else:
            del self.fields["group"]

    def clean_code(self):
        return self.cleaned_data["code"].lower().replace("-", "_")
