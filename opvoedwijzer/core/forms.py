from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from .models import Role


class FormRenderer(TemplatesSetting):
    """Our field template: label, hint, error message and widget, after the GOV.UK pattern."""

    field_template_name = "forms/field.html"


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the token"),
        max_length=100,
        required=False,
        help_text=_("For example: the spreadsheet import."),
    )


class MunicipalitySearchForm(forms.Form):
    q = forms.CharField(label=_("Postal code or name"), max_length=50, required=False)
