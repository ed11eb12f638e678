"""A report as a file: CSV (Belgian/Dutch Excel), XLSX (numbers as numbers, a sheet per table) and
PDF (the page's chart and table, by WeasyPrint). The XLSX has a sheet per report section as well
(`sections.py`); a CSV file holds one table, the page's."""

import csv
import io
from decimal import Decimal

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from opvoedwijzer.core.reporting import HIDDEN  # a suppressed count; the note with the table says why

from .sections import section_tables


def suppression_note(k):
    return _(
        "x: fewer than %(k)s contacts, or hidden so that such a small number cannot be worked out "
        "from the totals."
    ) % {"k": k}


def _shown(n):
    return HIDDEN if n is None else n


def _header(report):
    table = report["table"]
    header = [str(report["rows_label"]), _("Code")]
    if report["cols_label"]:
        header += [str(c["label"]) for c in table["columns"]]
    header.append(_("Total contacts"))
    if report["comparison"]:
        header += [report["comparison"]["period"], _("Difference (%)")]
    return header


def _lines(report):
    """Header, one line per row, the totals line: the table as every export writes it."""
    table = report["table"]
    with_cells = bool(report["cols_label"])
    lines = [_header(report)]
    for row in table["rows"]:
        line = [str(row["label"]), row["code"] or ""]
        if with_cells:
            line += [_shown(n) for n in row["cells"]]
        line.append(_shown(row["total"]))
        if report["comparison"]:
            line += [_shown(row["previous"]), "" if row["change"] is None else row["change"]]
        lines.append(line)
    total = [_("Total contacts"), ""]
    if with_cells:
        total += [_shown(c["total"]) for c in table["columns"]]
    total.append(_shown(table["total"]))
    if report["comparison"]:
        comparison = report["comparison"]
        total += [_shown(comparison["total"]), "" if comparison["change"] is None else comparison["change"]]
    lines.append(total)
    return lines


def _notes(report):
    notes = [report["title"]]
    if report["table"].get("suppressed"):
        notes.append(suppression_note(report["table"]["min_count"]))
    notes.append(
        _(
            "A contact with several themes, life stages or offers counts once in each of its columns, "
            "but once in the totals of contacts."
        )
    )
    return notes


def csv_response(report, name):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response.write("\ufeff")  # BOM: Excel then reads UTF-8 correctly
    writer = csv.writer(response, delimiter=";")
    writer.writerows(_lines(report))
    writer.writerow([])
    for note in _notes(report)[1:]:
        writer.writerow([note])
    return response


def _section_sheet(workbook, section, tables):
    """One sheet per report section: its tables one below the other, each with its title."""
    sheet = workbook.create_sheet(_sheet_title(section.title))
    for table in tables:
        if sheet.max_row > 1:
            sheet.append([])
        sheet.append([table.title])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        lines = table.lines()
        sheet.append([str(c) for c in lines[0]])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for line in lines[1:]:
            sheet.append([float(c) if isinstance(c, Decimal) else c for c in line])
    sheet.column_dimensions["A"].width = 40


def _sheet_title(title):
    """A sheet's name: at most 31 characters (cut at a word), none of those Excel refuses."""
    title = "".join(c for c in str(title) if c not in "[]:*?/\\")
    return title if len(title) <= 31 else title[:32].rsplit(" ", 1)[0][:31]


def xlsx_bytes(report):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Table")[:31]
    sheet.append([report["title"]])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    lines = _lines(report)
    sheet.append(lines[0])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for line in lines[1:]:
        sheet.append(line)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "C4"
    sheet.column_dimensions["A"].width = 32
    for section, tables in section_tables(report.get("sections", [])):
        _section_sheet(workbook, section, tables)
    notes = workbook.create_sheet(_("Notes")[:31])
    for note in _notes(report):
        notes.append([note])
    notes.column_dimensions["A"].width = 120
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_response(report, name):
    response = HttpResponse(
        xlsx_bytes(report), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


def pdf_bytes(html):
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def pdf_response(report, name):
    html = render_to_string(
        "reports/report_pdf.html", {"report": report, "lines": _lines(report), "notes": _notes(report)}
    )
    response = HttpResponse(pdf_bytes(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


RESPONSES = {"csv": csv_response, "xlsx": xlsx_response, "pdf": pdf_response}
