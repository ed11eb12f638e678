import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.contacts.forms import ISO_DATE

from .outside import last_complete_year, period_rule, whole_past_years
from .stats import DIMENSIONS


class OverviewForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=ISO_DATE)
    end = forms.DateField(label=_("To"), widget=ISO_DATE)
    by = forms.ChoiceField(
        label=_("Municipality by"),
        choices=[(k, v[0]) for k, v in DIMENSIONS.items() if k != "municipality"],
    )

    external = forms.BooleanField(
        label=_("For outside the service"),
        required=False,
        help_text=_("Hide small numbers, as for a funder (whole calendar years only)."),
    )

    def __init__(self, *args, outside_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.outside_only = outside_only  # a funder: every table is an outside table
        if outside_only:
            del self.fields["external"]

    @staticmethod
    def defaults(outside_only=False):
        today = timezone.localdate()
        start, end = datetime.date(today.year, 1, 1), today
        if outside_only:
            start, end = last_complete_year()
        return {"start": start.isoformat(), "end": end.isoformat(), "by": "theme_group"}

    @property
    def for_outside(self):
        return self.outside_only or bool(self.cleaned_data.get("external"))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise ValidationError(_("The start date must be before the end date."))
        outside = self.outside_only or data.get("external")
        if (
            outside
            and data.get("start")
            and data.get("end")
            and not whole_past_years(data["start"], data["end"])
        ):
            raise ValidationError(period_rule())
        return data
