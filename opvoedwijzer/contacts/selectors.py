"""Named reads on contacts for other apps: the report roll-up's counts (how the roll-up is kept is in
rollup.py; its writes for other apps in services.py)."""

from itertools import groupby
from operator import itemgetter

from . import rollup
from .models import ContactTheme

# The dimensions the roll-up counts, and the order in which the two dimensions of a pair are stored.
ROLLUP_DIMENSIONS = rollup.ROLLUP_DIMENSIONS
PAIR_ORDER = rollup.PAIR_ORDER


def rollup_counts(org, start, end, sets, areas=None):
    """Several groupings of the roll-up in one statement: `sets` is [(name, dim, by_area, by_time)], dim
    "total", a dimension or a pair of them in PAIR_ORDER, by_time False, "month" or "quarter".
    Returns {name: [(name, area, period, value1, value2, n), …]} (rollup.grouped)."""
    return rollup.grouped(org, start, end, sets, areas)


def suggestion_examples(organisation):
    """(note, [main theme code, other theme codes…]) for each of the organisation's registrations with a
    note and themes, except those of a web question (questions.selectors gives those with the question's
    own text). Issue 20: the theme suggestions learn from them. One query, read as an iterator."""
    rows = (
        ContactTheme.objects.filter(contact__organisation=organisation, contact__web_question__isnull=True)
        .exclude(contact__note="")
        .order_by("contact_id", "-is_main", "theme__code")
        .values_list("contact_id", "contact__note", "theme__code")
    )
    for _pk, group in groupby(rows.iterator(), key=itemgetter(0)):
        group = list(group)
        yield group[0][1], [code for *_rest, code in group]
