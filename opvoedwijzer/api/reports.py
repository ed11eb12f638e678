"""Report sections: the tables of every section of the reports (reports/sections.py) for a period,
as the overview page and the XLSX show them."""

from decimal import Decimal

from ninja import Field, Query, Router, Schema

from opvoedwijzer.reports.outside import period_rule, whole_past_years
from opvoedwijzer.reports.sections import build_sections, section_tables

from .errors import ApiError, errors, field_error
from .tenancy import membership_for
from .types import Day, Slug

router = Router(tags=["reports"])


class SectionsQuery(Schema):
    start: Day = Field(alias="from", description="First day; not after `to`")
    end: Day = Field(alias="to", description="Last day; not before `from`")
    organisation: Slug | None = None


class TableOut(Schema):
    title: str
    columns: list[str]
    rows: list[list[int | float | str | None]] = Field(
        description="The last row holds the totals where the table has them; a hidden count is null"
    )


class SectionOut(Schema):
    key: str
    title: str
    tables: list[TableOut]


class SectionsOut(Schema):
    sections: list[SectionOut]


def _cell(value):
    return float(value) if isinstance(value, Decimal) else value


@router.get("/sections", response={200: SectionsOut, **errors(403, 404)})
def sections(request, q: Query[SectionsQuery]):
    """Every section of the reports (networking and signals, referrals, the group offer, handouts, …)
    for the period, in the order of the overview page.

    For a funder's token the numbers are as they leave the service: only the funder's municipalities,
    whole calendar years that have ended, small numbers of people hidden (`null`)."""
    membership = membership_for(request, q.organisation, where="query", permission="can_read_reports")
    problems = []
    if q.start > q.end:
        problems.append(field_error("from", "'from' must not be after 'to'.", "query"))
    elif membership.reads_outside_numbers and not whole_past_years(q.start, q.end):
        problems.append(field_error("from", period_rule(), "query"))
    if problems:
        raise ApiError(422, problems)
    outside = membership.reads_outside_numbers
    municipalities = list(membership.municipalities.all()) if outside else None
    built = build_sections(membership.organisation, q.start, q.end, municipalities, outside=outside)
    return {
        "sections": [
            {
                "key": section.key,
                "title": str(section.title),
                "tables": [
                    {
                        "title": str(table.title),
                        "columns": [str(c) for c in table.columns],
                        "rows": [[_cell(c) for c in row] for row in table.rows],
                    }
                    for table in tables
                ],
            }
            for section, tables in section_tables(built)
        ]
    }
