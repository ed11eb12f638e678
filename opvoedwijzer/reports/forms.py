import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.fields import ISO_DATE

from .outside import last_complete_year, period_rule, whole_past_years
from .stats import DIMENSIONS


class Compare:
    NONE = ""
    PREVIOUS = "previous"
    LAST_YEAR = "last_year"
    CHOICES = [
        (NONE, _("— no comparison —")),
        (PREVIOUS, _("the period just before")),
        (LAST_YEAR, _("the same period a year earlier")),
    ]


def comparison_period(start, end, compare):
    """The period to compare with: as long, just before; or the same days a year earlier. Whole
    calendar years compare with the whole years before them."""
    whole_years = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if compare == Compare.PREVIOUS and whole_years:
        years = end.year - start.year + 1
        return start.replace(year=start.year - years), end.replace(year=end.year - years)
    if compare == Compare.PREVIOUS:
        length = end - start
        return start - length - datetime.timedelta(days=1), start - datetime.timedelta(days=1)
    if compare == Compare.LAST_YEAR:
        return _year_earlier(start), _year_earlier(end)
    return None


def _year_earlier(day):
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


class OverviewForm(forms.Form):
    """What a report shows: period, municipalities, one dimension or a cross of two, a comparison."""

    start = forms.DateField(label=_("From"), widget=ISO_DATE)
    end = forms.DateField(label=_("To"), widget=ISO_DATE)
    rows = forms.ChoiceField(label=_("Rows"), choices=[(k, v[0]) for k, v in DIMENSIONS.items()])
    by = forms.ChoiceField(
        label=_("Columns"),
        required=False,
        choices=[("", _("— only the number of contacts —")), *((k, v[0]) for k, v in DIMENSIONS.items())],
    )
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities"),
        queryset=None,
        required=False,
        help_text=_("None chosen: all, also outside the region."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    compare = forms.ChoiceField(label=_("Compare with"), choices=Compare.CHOICES, required=False)
    external = forms.BooleanField(
        label=_("For outside the service"),
        required=False,
        help_text=_("Hide small numbers, as for a funder (whole calendar years only)."),
    )

    def __init__(self, *args, organisation, outside_only=False, own_municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.outside_only = outside_only  # a funder: every table is an outside table
        municipalities = own_municipalities if outside_only else organisation.municipalities.all()
        self.fields["municipalities"].queryset = municipalities.order_by("name_nl")
        if outside_only:
            del self.fields["external"]
            self.fields["rows"].choices = [("municipality", DIMENSIONS["municipality"][0])]
            self.fields["municipalities"].help_text = _("None chosen: all of yours.")

    @staticmethod
    def defaults(outside_only=False):
        today = timezone.localdate()
        start, end = datetime.date(today.year, 1, 1), today
        if outside_only:
            start, end = last_complete_year()
        return {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "rows": "municipality",
            "by": "theme_group",
        }

    @property
    def for_outside(self):
        return self.outside_only or bool(self.cleaned_data.get("external"))

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise ValidationError(_("The start date must be before the end date."))
        if data.get("rows") and data.get("rows") == data.get("by"):
            self.add_error("by", _("Choose another dimension for the columns than for the rows."))
        outside = self.outside_only or data.get("external")
        if outside and start and end and not whole_past_years(start, end):
            raise ValidationError(period_rule())
        if outside and data.get("rows") != "municipality":
            self.add_error("rows", _("Numbers for outside the service have the municipalities as rows."))
        return data


class YearlyReportForm(forms.Form):
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=None, empty_label=_("— choose —"))
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, organisation, municipalities=None, **kwargs):
        """`municipalities`: the choice for a funder (their own); otherwise the organisation's."""
        super().__init__(*args, **kwargs)
        if municipalities is None:
            municipalities = organisation.municipalities.all()
        self.fields["municipality"].queryset = municipalities.order_by("name_nl")
        this_year = timezone.localdate().year
        # Whole years that have ended: the report leaves the service (see outside.py).
        self.fields["year"].choices = [(y, y) for y in range(this_year - 1, this_year - 8, -1)]

    def clean(self):
        """A municipality merged away (or not there yet) has no report for that year."""
        data = super().clean()
        municipality, year = data.get("municipality"), data.get("year")
        if municipality and year:
            start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
            if (municipality.valid_from and municipality.valid_from > end) or (
                municipality.valid_to and municipality.valid_to < start
            ):
                self.add_error(
                    "municipality",
                    _("%(name)s did not exist in %(year)s (%(valid)s).")
                    % {"name": municipality.name, "year": year, "valid": municipality.validity_label()},
                )
        return data
