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


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    is_active = forms.BooleanField(
        label=_("Active member"),
        required=False,
        help_text=_(
            "An inactive member can no longer log in to this organisation; their registrations stay."
        ),
    )
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities (funders only)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A funder sees the numbers of these municipalities only."),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = organisation.municipalities.order_by("name_nl")

    def clean(self):
        data = super().clean()
        if data.get("role") == Role.FUNDER and not data.get("municipalities"):
            self.add_error("municipalities", _("Choose the municipalities this funder may see."))
        return data


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the token"),
        max_length=100,
        required=False,
        help_text=_("For example: the spreadsheet import."),
    )


class MunicipalitySearchForm(forms.Form):
    q = forms.CharField(
        label=_("Postal code or name"),
        max_length=50,
        required=False,
        help_text=_("For example 3800, Sint-Truiden, 1012 AB, Amsterdam or a code such as GM0363."),
    )
