"""Small-number suppression for numbers that leave the service (privacy rule 4).

A count below k (settings.DISCLOSURE_MIN_COUNT, 5 by default) could point at a family in a small
municipality, so it is not shown (primary suppression). A single hidden cell in a row or column
could be recomputed from that line's total, so further cells are hidden until every line with a
published total hides none or at least two of its cells (secondary suppression, smallest first).
Zeros are published: they point at no one.

The table is the dict `stats.crosstab` returns; hidden numbers become None and the table gets
`"suppressed": True`. Lines are checked with their totals as if the table were additive; for themes,
life stages and offers (several per contact) the totals are sums of distinct contacts, which makes
recomputation only harder.
"""

from django.conf import settings


def suppress_small_counts(table, k=None):
    k = settings.DISCLOSURE_MIN_COUNT if k is None else k
    n_rows, n_cols = len(table["rows"]), len(table["columns"])
    # The table as a grid with its margins: row n_rows holds the column totals, column n_cols the
    # row totals, and [n_rows][n_cols] the grand total.
    grid = [[*row["cells"], row["total"]] for row in table["rows"]]
    grid.append([c["total"] for c in table["columns"]] + [table["total"]])
    hidden = {(i, j) for i in range(n_rows + 1) for j in range(n_cols + 1) if 0 < grid[i][j] < k}

    lines = [[(i, j) for j in range(n_cols + 1)] for i in range(n_rows + 1)]  # each row, total last
    lines += [[(i, j) for i in range(n_rows + 1)] for j in range(n_cols + 1)]  # each column, total last
    changed = True
    while changed:
        changed = False
        for line in lines:
            *cells, total = line
            if total in hidden:
                continue
            if sum(cell in hidden for cell in cells) != 1:
                continue
            candidates = [c for c in cells if c not in hidden and grid[c[0]][c[1]] > 0]
            extra = min(candidates, key=lambda c: grid[c[0]][c[1]]) if candidates else total
            hidden.add(extra)
            changed = True

    def shown(i, j):
        return None if (i, j) in hidden else grid[i][j]

    for i, row in enumerate(table["rows"]):
        row["cells"] = [shown(i, j) for j in range(n_cols)]
        row["total"] = shown(i, n_cols)
    for j, column in enumerate(table["columns"]):
        column["total"] = shown(n_rows, j)
    table["total"] = shown(n_rows, n_cols)
    table["suppressed"] = bool(hidden)
    table["min_count"] = k
    return table
