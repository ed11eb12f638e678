import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.contacts.forms import ISO_DATE

from .stats import DIMENSIONS


class OverviewForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=ISO_DATE)
    end = forms.DateField(label=_("To"), widget=ISO_DATE)
    by = forms.ChoiceField(
        label=_("Municipality by"),
        choices=[(k, v[0]) for k, v in DIMENSIONS.items() if k != "municipality"],
    )

    @staticmethod
    def defaults():
        today = timezone.localdate()
        return {
            "start": datetime.date(today.year, 1, 1).isoformat(),
            "end": today.isoformat(),
            "by": "theme_group",
        }

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise ValidationError(_("The start date must be before the end date."))
        return data
