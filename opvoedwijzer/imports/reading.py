"""Reading the files services keep: XLSX, and CSV in the usual dialects.

CSV: comma, semicolon or tab (the one the heading line uses most, outside quotes), with or without a
byte-order mark, UTF-8 or else Windows-1252 (what Excel writes on Windows). XLSX: the first sheet, with
its real date cells. Both give the heading row and the data rows, each with its row number in the file
(the heading is row 1 when it is the first line), empty rows left out.
"""

import csv
import io

from django.utils.translation import gettext as _

MAX_BYTES = 50 * 1024 * 1024


class FileProblem(Exception):
    """The file as a whole cannot be read; the message says why, in the person's language."""


def decode(content):
    """UTF-8 (with or without BOM), else Windows-1252: the two encodings spreadsheets are saved in."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def delimiter_of(text):
    """The delimiter the heading line uses most, outside quotes: ';', ',' or a tab."""
    counts = {";": 0, ",": 0, "\t": 0}
    quoted = False
    for char in text[:10_000]:
        if char == '"':
            quoted = not quoted
        elif char in "\r\n" and not quoted:
            if any(counts.values()):
                break
        elif char in counts and not quoted:
            counts[char] += 1
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _csv_rows(content):
    text = decode(content)
    if "\x00" in text[:1000]:
        raise FileProblem(_("This does not look like a CSV file (it holds binary data)."))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(text))
    try:
        return list(reader)
    except csv.Error as error:
        raise FileProblem(_("The CSV file cannot be read: %(error)s") % {"error": error}) from error


def _xlsx_rows(content):
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        raise FileProblem(_("This is not an XLSX file that can be read.")) from error
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def is_xlsx(name, content):
    return name.lower().endswith((".xlsx", ".xlsm")) or content[:4] == b"PK\x03\x04"


def _filled(value):
    return value is not None and (not isinstance(value, str) or value.strip() != "")


def read_table(name, content):
    """(heading cells, [(row number, cells)]) of a CSV or XLSX file; FileProblem when it cannot be read."""
    if not content:
        raise FileProblem(_("The file is empty."))
    if len(content) > MAX_BYTES:
        raise FileProblem(_("The file is larger than 50 MB."))
    rows = _xlsx_rows(content) if is_xlsx(name, content) else _csv_rows(content)
    numbered = [(number, row) for number, row in enumerate(rows, start=1) if any(_filled(v) for v in row)]
    if not numbered:
        raise FileProblem(_("The file is empty."))
    return numbered[0][1], numbered[1:]
