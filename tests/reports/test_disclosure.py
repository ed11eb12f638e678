"""Disclosure control: whatever is hidden cannot be worked out from what is shown.

The check here is independent of the suppression algorithm (which reasons about cycles in a graph):
exact linear algebra over the fractions. A hidden cell is determined by the shown numbers exactly when
its unit vector lies in the row space of the table's equations restricted to the hidden cells.
"""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from opvoedwijzer.core.disclosure import suppress_small_counts, suppression_pattern

K = 5


def table_of(cells):
    return {
        "rows": [{"cells": list(row), "total": sum(row)} for row in cells],
        "columns": [{"total": sum(col)} for col in zip(*cells, strict=True)],
        "total": sum(map(sum, cells)),
    }


def grid_of(cells):
    """The data with its margins: last column the row totals, last row the column totals."""
    grid = [[*row, sum(row)] for row in cells]
    grid.append([*map(sum, zip(*cells, strict=True)), sum(map(sum, cells))])
    return grid


def rank(rows):
    """Rank of a matrix of Fractions (Gaussian elimination)."""
    rows = [list(r) for r in rows]
    rank, n_cols = 0, len(rows[0]) if rows else 0
    for col in range(n_cols):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][col] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for r in range(len(rows)):
            if r != rank and rows[r][col] != 0:
                factor = rows[r][col] / rows[rank][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        rank += 1
    return rank


def recomputable(grid, hidden):
    """The hidden cells whose value follows from the shown ones through the row and column sums."""
    hidden = sorted(hidden)
    n_rows, n_cols = len(grid), len(grid[0])
    index = {cell: n for n, cell in enumerate(hidden)}
    equations = []
    for i in range(n_rows):  # each grid row: its data cells minus its total is zero
        eq = [Fraction(0)] * len(hidden)
        for j in range(n_cols):
            if (i, j) in index:
                eq[index[(i, j)]] = Fraction(-1 if j == n_cols - 1 else 1)
        equations.append(eq)
    for j in range(n_cols):
        eq = [Fraction(0)] * len(hidden)
        for i in range(n_rows):
            if (i, j) in index:
                eq[index[(i, j)]] = Fraction(-1 if i == n_rows - 1 else 1)
        equations.append(eq)
    base = rank(equations)
    found = []
    for cell, n in index.items():
        unit = [Fraction(0)] * len(hidden)
        unit[n] = Fraction(1)
        if rank([*equations, unit]) == base:
            found.append(cell)
    return found


counts = st.integers(0, 60) | st.integers(0, 6)  # many small numbers, some zeros
tables = st.integers(1, 6).flatmap(
    lambda n_cols: st.lists(st.lists(counts, min_size=n_cols, max_size=n_cols), min_size=1, max_size=7)
)


@settings(max_examples=400, deadline=None)
@given(tables)
def test_no_hidden_count_can_be_worked_out_from_the_shown_ones(cells):
    grid = grid_of(cells)
    hidden = suppression_pattern(grid, K)
    assert recomputable(grid, hidden) == []


@settings(max_examples=400, deadline=None)
@given(tables)
def test_no_count_below_k_is_shown_and_zeros_stay(cells):
    table = suppress_small_counts(table_of(cells), k=K)
    shown = [n for row in table["rows"] for n in [*row["cells"], row["total"]]]
    shown += [c["total"] for c in table["columns"]] + [table["total"]]
    assert all(n is None or n == 0 or n >= K for n in shown)


def test_the_linear_check_does_find_a_count_that_a_simple_rule_would_leave_exposed():
    """Two hidden pairs joined by one hidden cell: every row and column hides two or none, yet the
    joining cell follows from the totals. The check sees it, so it is not vacuous."""
    cells = [[3, 3, 40, 50], [3, 3, 50, 40], [50, 40, 3, 3], [40, 50, 3, 3]]
    grid = grid_of(cells)
    pairs = {(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3)}
    assert recomputable(grid, pairs | {(0, 2)}) == [(0, 2)]
    assert recomputable(grid, suppression_pattern(grid, K)) == []


def test_a_table_with_nothing_small_hides_nothing():
    table = suppress_small_counts(table_of([[10, 20], [30, 40]]), k=K)
    assert table["suppressed"] is False
    assert table["rows"][0]["cells"] == [10, 20]


@settings(max_examples=300, deadline=None)
@given(tables)
def test_a_total_hidden_on_purpose_stays_hidden_and_cannot_be_worked_out(cells):
    """The regional view hides a total shared with another table that had to hide it (regions/numbers.py):
    the total is hidden whatever its size, and protected like any other hidden count."""
    grid = grid_of(cells)
    corner = (len(grid) - 1, len(grid[0]) - 1)
    hidden = suppression_pattern(grid, K, also_hidden={corner})
    assert corner in hidden
    assert recomputable(grid, hidden) == []
    table = suppress_small_counts(table_of(cells), k=K, hide_total=True)
    assert table["total"] is None and table["suppressed"]
