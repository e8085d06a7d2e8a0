"""Reading a manifest: a CSV (UTF-8, with or without a byte-order mark, or
Windows-1251 as Excel saves it on a Russian system; comma, semicolon or tab
separated) or an XLSX workbook (its first sheet), whose first row names the
columns. One row per language file of a document; blank rows are skipped.

A manifest that cannot be read at all (not CSV or XLSX, a column missing or
unknown, no row) raises ``ManifestError`` with a translated message; what is
wrong with a single row is the plan's business (archive.imports.plan)."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The columns, in the order the README documents them.
COLUMNS = (
    "symbol", "title_ru", "title_en", "summary_ru", "summary_en", "date", "type", "access",
    "status", "themes", "states", "meeting", "language", "file",
)
REQUIRED_COLUMNS = ("date", "type", "language", "file")
MAX_ROWS = 100_000
MAX_MANIFEST_SIZE = 20 * 1024 * 1024
SNIFF_SIZE = 64 * 1024

MSG_NOT_READABLE = _(
    "The manifest “%(name)s” is neither a CSV file nor an Excel workbook (XLSX)."
)
MSG_ENCODING = _(
    "The manifest “%(name)s” is not in UTF-8 or Windows-1251: save it as “CSV UTF-8” "
    "and try again."
)
MSG_MISSING_COLUMNS = _("The manifest has no column %(columns)s (the first row names the columns).")
MSG_UNKNOWN_COLUMNS = _(
    "The manifest has columns this import does not know: %(columns)s. "
    "The columns are: %(known)s."
)
MSG_TITLE_COLUMNS = _("The manifest needs a title_ru or a title_en column, or both.")
MSG_REPEATED_COLUMN = _("The column %(column)s appears twice in the manifest.")
MSG_NO_ROWS = _("The manifest has no rows below its column names.")
MSG_TOO_MANY_ROWS = _("The manifest has more than %(limit)s rows: split it into several.")
MSG_TOO_LARGE = _("The manifest is larger than %(limit)s MB.")


class ManifestError(ValidationError):
    """The whole manifest cannot be used (not a single row's problem)."""


@dataclass
class ManifestRow:
    line: int
    values: dict[str, str] = field(default_factory=dict)

    def get(self, column: str) -> str:
        return self.values.get(column, "")


def _cell_text(value) -> str:
    """A cell as text: dates from Excel as ISO dates, whole numbers without
    a decimal point."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header(names: list[str]) -> list[str]:
    header = [name.strip().lstrip("\ufeff").strip().lower() for name in names]
    while header and not header[-1]:
        header.pop()
    seen = set()
    for name in header:
        if name and name in seen:
            raise ManifestError(MSG_REPEATED_COLUMN, code="repeated_column",
                                params={"column": name})
        seen.add(name)
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        raise ManifestError(MSG_UNKNOWN_COLUMNS, code="unknown_columns", params={
            "columns": ", ".join(unknown), "known": ", ".join(COLUMNS)})
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise ManifestError(MSG_MISSING_COLUMNS, code="missing_columns",
                            params={"columns": ", ".join(missing)})
    if "title_ru" not in header and "title_en" not in header:
        raise ManifestError(MSG_TITLE_COLUMNS, code="missing_columns")
    return header


def _rows(header: list[str], records) -> list[ManifestRow]:
    rows = []
    for line, cells in records:
        values = {
            name: _cell_text(cell) for name, cell in zip(header, cells, strict=False) if name
        }
        if not any(values.values()):
            continue
        rows.append(ManifestRow(line=line, values=values))
        if len(rows) > MAX_ROWS:
            raise ManifestError(MSG_TOO_MANY_ROWS, code="too_many_rows",
                                params={"limit": MAX_ROWS})
    if not rows:
        raise ManifestError(MSG_NO_ROWS, code="no_rows")
    return rows


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "windows-1251"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise ManifestError(MSG_ENCODING, code="encoding", params={"name": name})


def _csv_rows(data: bytes, name: str) -> list[ManifestRow]:
    text = _decode(data, name)
    try:
        dialect = csv.Sniffer().sniff(text[:SNIFF_SIZE].split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = _header(next(reader, []))

        def records():
            start = reader.line_num + 1
            for cells in reader:
                yield start, cells
                start = reader.line_num + 1

        return _rows(header, records())
    except csv.Error as exc:
        raise ManifestError(MSG_NOT_READABLE, code="not_readable",
                            params={"name": name}) from exc


def _xlsx_rows(data: bytes, name: str) -> list[ManifestRow]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ManifestError(MSG_NOT_READABLE, code="not_readable",
                            params={"name": name}) from exc
    try:
        sheet = workbook.worksheets[0]
        records = enumerate(sheet.iter_rows(values_only=True), start=1)
        first = next(records, None)
        header = _header([_cell_text(cell) for cell in (first[1] if first else ())])
        return _rows(header, records)
    finally:
        workbook.close()


def manifest_read(*, data: bytes, name: str) -> list[ManifestRow]:
    """The rows of a manifest given as bytes (XLSX told from CSV by its
    content: a ZIP container)."""
    if len(data) > MAX_MANIFEST_SIZE:
        raise ManifestError(MSG_TOO_LARGE, code="too_large",
                            params={"limit": MAX_MANIFEST_SIZE // (1024 * 1024)})
    if data.startswith(b"PK\x03\x04"):
        return _xlsx_rows(data, name)
    if not data.strip():
        raise ManifestError(MSG_NO_ROWS, code="no_rows")
    return _csv_rows(data, name)


def manifest_read_path(path: Path) -> list[ManifestRow]:
    with path.open("rb") as handle:
        data = handle.read(MAX_MANIFEST_SIZE + 1)
    return manifest_read(data=data, name=path.name)
