"""Days in the demo's data files, relative to today so that the demo never goes stale.

A day is one of: {"days_ago": n}, {"in_days": n}, {"last_year": "MM-DD"} (that day of last year) or
{"this_year_days_ago": n} (n days ago, but not before 2 January: this year's meetings stay this year).
"""

import datetime


def day(spec, today):
    if "days_ago" in spec:
        return today - datetime.timedelta(days=spec["days_ago"])
    if "in_days" in spec:
        return today + datetime.timedelta(days=spec["in_days"])
    if "last_year" in spec:
        month, day_of_month = map(int, spec["last_year"].split("-"))
        return datetime.date(today.year - 1, month, day_of_month)
    if "this_year_days_ago" in spec:
        ago = today - datetime.timedelta(days=spec["this_year_days_ago"])
        return max(ago, min(today, datetime.date(today.year, 1, 2)))
    raise ValueError(f"Not a demo day: {spec!r}")
