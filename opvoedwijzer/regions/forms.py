from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.reports.outside import last_complete_year
from opvoedwijzer.reports.stats import DIMENSIONS

from .numbers import COLUMNS

YEARS_BACK = 7


class RegionPeriodForm(forms.Form):
    """The regional view's choice: a calendar year that has ended (numbers for outside a service cover
    whole past years only, see reports/outside.py) and the columns."""

    year = forms.TypedChoiceField(
        label=_("Year"),
        coerce=int,
        error_messages={"invalid_choice": _("Choose a whole year that has ended.")},
    )
    columns = forms.ChoiceField(label=_("Columns"), choices=[(c, DIMENSIONS[c][0]) for c in COLUMNS])

    def __init__(self, data=None, **kwargs):
        this_year = timezone.localdate().year
        defaults = {"year": str(last_complete_year()[0].year), "columns": COLUMNS[0]}
        data = {**defaults, **{k: v for k, v in (data or {}).items() if v}}
        super().__init__(data, **kwargs)
        self.fields["year"].choices = [(y, y) for y in range(this_year - 1, this_year - 1 - YEARS_BACK, -1)]


class ShareForm(forms.Form):
    """Agree to share with a region, or withdraw (the coordinator's screen)."""

    region = forms.SlugField()
    action = forms.ChoiceField(choices=[("agree", "agree"), ("withdraw", "withdraw")])
