"""Files the tests write, as services keep them: CSV in every usual dialect, and XLSX."""

import csv
import datetime
import io

from openpyxl import Workbook, load_workbook


def csv_bytes(rows, *, delimiter=";", encoding="utf-8", bom=False):
    """A CSV file of these rows (the first is the heading)."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx_bytes(rows):
    """An XLSX workbook of these rows; dates stay real date cells."""
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    assert load_workbook(io.BytesIO(data)).active.max_row == len(rows)  # the file is a real workbook
    return data


LAST_YEAR = datetime.date.today().year - 1

# One row per contact, Dutch headings, as a service kept them in Excel.
DUTCH_HEADING = [
    "Datum",
    "Contactwijze",
    "Vraagsteller",
    "Gemeente",
    "Levensfase",
    "Hoofdthema",
    "Thema 2",
    "Aanbod",
    "Soort vraag",
    "Duur",
    "Notitie",
]
ENGLISH_HEADING = [
    "Date",
    "Channel",
    "Asker role",
    "Municipality",
    "Life stage",
    "Main theme",
    "Theme 2",
    "Offer",
    "Request kind",
    "Duration",
    "Note",
]


def dutch_rows(day=f"03/05/{LAST_YEAR}"):
    return [
        DUTCH_HEADING,
        [
            day,
            "Telefoon",
            "Moeder",
            "Sint-Truiden",
            "Peuter (1–3 jaar)",
            "Slapen",
            "Eten en drinken",
            "Informatie en kort advies",
            "Opvoedingsvraag",
            "5–15 minuten",
            "Tips over inslapen gegeven",
        ],
        [
            day,
            "E-mail",
            "Vader",
            "3890",
            "Tiener (12–18 jaar)",
            "Pesten",
            "",
            "Luisterend oor",
            "Opvoedingsvraag",
            "15–30 minuten",
            "",
        ],
        [
            day,
            "telefoon",
            "GROOTOUDER",
            "Heers",
            "Baby (0–1 jaar)",
            "Huilen",
            "",
            "info",
            "parenting",
            "lt5",
            "",
        ],
    ]
