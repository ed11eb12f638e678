"""Reading the CSV files people and offices keep: comma or semicolon, UTF-8 with or without a BOM, or
Windows-1252 (what Excel writes in Belgium and the Netherlands)."""

import csv
import io

from django.utils.translation import gettext as _

from .text import without_control_characters


class UnreadableFile(ValueError):
    """The file is no CSV we can read; the message says why, for the person who uploaded it."""


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped), else Windows-1252, which maps almost every byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(_("The file is neither UTF-8 nor Windows-1252 text.")) from exc


def read_rows(data: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header (lower-case, trimmed) and the rows as (line number, {header: value}), blank rows
    left out. The separator is the one of ';' and ',' that the header line holds most of (a tab too)."""
    if b"\x00" in data[:4096]:
        raise UnreadableFile(_("This is no CSV file (it holds binary data)."))
    text = decode(data)
    text = without_control_characters(text)
    first = text.split("\n", 1)[0]
    delimiter = max([";", ",", "\t"], key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise UnreadableFile(_("The file is empty.")) from None
    except csv.Error as exc:
        raise UnreadableFile(_("The file could not be read as CSV: %(error)s") % {"error": exc}) from exc
    rows = []
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            rows.append(
                (
                    reader.line_num,
                    {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)},
                )
            )
    except csv.Error as exc:
        raise UnreadableFile(_("The file could not be read as CSV: %(error)s") % {"error": exc}) from exc
    return header, rows


def column(header, *names):
    """The first of `names` (lower-case) that the header has, or None."""
    return next((n for n in names if n in header), None)
