"""Dates as parents read them in the page's language."""

from django import template
from django.utils.formats import date_format, get_format

register = template.Library()


@register.filter(expects_localtime=True)
def long_date(value, arg=""):
    """The weekday and the date in the locale's own order and grammar: "woensdag 9 december 2026",
    "mercredi 9 décembre 2026", "środa 9 grudnia 2026" (Polish needs the month's genitive, which a fixed
    "j F" does not give), "الأربعاء 9 ديسمبر، 2026". `|long_date:"no-year"` leaves the year out."""
    if not value:
        return ""
    day = get_format("MONTH_DAY_FORMAT" if arg == "no-year" else "DATE_FORMAT")
    return f"{date_format(value, 'l')} {date_format(value, day)}"
