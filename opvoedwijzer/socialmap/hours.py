"""Opening hours as people write them: "ma-vr 9:00-12:30", "wo 13u30-17u", "za 10-12".

One line (or a ";"-separated part) per period; days in Dutch, English or HSDS (MO…SU), single or as a
range; times as 9, 9:30, 9.30 or 9u30. `parse_hours` gives [(days, opens, closes)], `format_hours` the
text back.
"""

import datetime
import re

from django.utils.translation import gettext as _

from .models import WEEKDAYS

DAY_NAMES = {
    **{code.lower(): code for code in WEEKDAYS},
    **dict(zip(["ma", "di", "wo", "do", "vr", "za", "zo"], WEEKDAYS, strict=True)),
    **dict(zip(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], WEEKDAYS, strict=True)),
    **dict(
        zip(
            ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
            WEEKDAYS,
            strict=True,
        )
    ),
}
DUTCH_SHORT = dict(zip(WEEKDAYS, ["ma", "di", "wo", "do", "vr", "za", "zo"], strict=True))
TIME = r"(\d{1,2})(?:[:.u](\d{2}))?u?"
PERIOD = re.compile(rf"^(?P<days>.*?)\s*{TIME}\s*(?:-|–|tot|to)\s*{TIME}$", re.I)


def _days(text):
    days = []
    text = re.sub(r"\s+(?:tot en met|t/m|tot|to|through)\s+", "-", text.strip().lower())
    for part in re.split(r"[,\s/&]+|\ben\b|\band\b", text.strip().lower()):
        if not part:
            continue
        bounds = re.split(r"\s*[-–]\s*", part)
        if len(bounds) == 2 and all(b in DAY_NAMES for b in bounds):
            first, last = WEEKDAYS.index(DAY_NAMES[bounds[0]]), WEEKDAYS.index(DAY_NAMES[bounds[1]])
            if last < first:
                raise ValueError(_("“%(range)s” runs backwards.") % {"range": part})
            days += WEEKDAYS[first : last + 1]
        elif part in DAY_NAMES:
            days.append(DAY_NAMES[part])
        else:
            raise ValueError(_("“%(day)s” is not a day of the week.") % {"day": part})
    return [d for d in WEEKDAYS if d in days]


def _time(hours, minutes):
    hours, minutes = int(hours), int(minutes or 0)
    if hours == 24 and minutes == 0:
        return datetime.time(23, 59)
    if hours > 23 or minutes > 59:
        raise ValueError(_("%(time)s is not a time of day.") % {"time": f"{hours}:{minutes:02d}"})
    return datetime.time(hours, minutes)


def parse_hours(text):
    periods = []
    for raw in re.split(r"[\n;]+", text or ""):
        line = raw.strip()
        if not line:
            continue
        # Day ranges use a dash too: find the time range at the end of the line first.
        match = PERIOD.match(line)
        if not match:
            raise ValueError(
                _("“%(line)s”: write the days and then the hours, for example “ma-vr 9:00-12:30”.")
                % {"line": line}
            )
        days = _days(match.group("days"))
        if not days:
            raise ValueError(_("“%(line)s”: which days?") % {"line": line})
        opens = _time(match.group(2), match.group(3))
        closes = _time(match.group(4), match.group(5))
        if closes <= opens:
            raise ValueError(_("“%(line)s”: closing time must come after opening time.") % {"line": line})
        periods.append((days, opens, closes))
    return periods


def format_days(days):
    """["MO","TU","WE"] → "ma-wo"; ["MO","WE"] → "ma, wo"."""
    indexes = [WEEKDAYS.index(d) for d in days]
    parts, start = [], None
    for i, index in enumerate(indexes):
        if start is None:
            start = index
        if i + 1 == len(indexes) or indexes[i + 1] != index + 1:
            first, last = DUTCH_SHORT[WEEKDAYS[start]], DUTCH_SHORT[WEEKDAYS[index]]
            parts.append(first if start == index else f"{first}-{last}")
            start = None
    return ", ".join(parts)


def format_hours(schedules):
    lines = []
    for s in schedules:
        if s.opens_at and s.closes_at and s.days:
            lines.append(f"{format_days(s.days)} {s.opens_at:%H:%M}-{s.closes_at:%H:%M}")
    return "\n".join(lines)
