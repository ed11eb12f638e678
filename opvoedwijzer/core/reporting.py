"""The shape of a report section, so that each domain writes its own and no domain imports the reports.

A domain contributes one `Section` in its `report.py` (what it counts for a period and a selection of
municipalities, with its own disclosure rule); the reports composer lists them in one place
(`reports/sections.py`) and every output reads that list: the overview page and the yearly PDF through
the section's templates, the XLSX export and the stats API through its `tables`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

HIDDEN = "x"  # a suppressed count, as every output writes it


@dataclass
class Table:
    """A section's numbers as plain rows, for the exports and the API: a title, the column headings and
    rows of cells (a suppressed count is None)."""

    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def lines(self):
        """Heading and rows as a spreadsheet writes them: a hidden count as "x"."""
        return [self.columns] + [[HIDDEN if cell is None else cell for cell in row] for row in self.rows]


@dataclass(frozen=True)
class Section:
    """One section of the reports.

    key: its name in URLs and the API; title: its heading.
    build(org, start, end, municipalities, *, outside) → its figures (municipalities None for all; outside:
    the numbers leave the service, small numbers suppressed by the section's own rule).
    tables(figures) → list of Table, for the exports and the API.
    template: the overview page's fragment, given `figures`; pdf_template: the yearly report's, or None
    when the section is not in it.
    key_figures(figures) → [(label, number)] for the yearly report's "Key figures" (a hidden number as
    None), or None when the section has none.
    """

    key: str
    title: Any
    build: Callable[..., Any]
    tables: Callable[[Any], list[Table]]
    template: str
    pdf_template: str | None = None
    key_figures: Callable[[Any], list[tuple[Any, Any]]] | None = None


def grid_table(title, first, grid, *, with_total=True):
    """A Table from the grid every section counts in ({"columns": [{"label", "total"}], "rows":
    [{"label", "cells", "total"}], "total"}): a row per row, a totals line last."""
    columns = [str(first), *(str(c.get("label", "")) for c in grid["columns"])]
    if with_total:
        columns.append(_("Total"))
    rows = []
    for row in grid["rows"]:
        rows.append([str(row["label"]), *row["cells"], *([row["total"]] if with_total else [])])
    totals = [_("Total"), *(c.get("total") for c in grid["columns"])]
    rows.append([*totals, *([grid.get("total")] if with_total else [])])
    return Table(str(title), columns, rows)
