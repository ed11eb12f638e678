"""Named reads on contacts for other apps: the report roll-up's counts (how the roll-up is kept is in
rollup.py; its writes for other apps in services.py)."""

from . import rollup

# The dimensions the roll-up counts, and the order in which the two dimensions of a pair are stored.
ROLLUP_DIMENSIONS = rollup.ROLLUP_DIMENSIONS
PAIR_ORDER = rollup.PAIR_ORDER


def rollup_counts(org, start, end, sets, areas=None):
    """Several groupings of the roll-up in one statement: `sets` is [(name, dim, by_area, by_time)], dim
    "total", a dimension or a pair of them in PAIR_ORDER, by_time False, "month" or "quarter".
    Returns {name: [(name, area, period, value1, value2, n), …]} (rollup.grouped)."""
    return rollup.grouped(org, start, end, sets, areas)
