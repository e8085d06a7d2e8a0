"""What an import would do: each manifest row checked (its values, its file
through the same check as an upload: ``archive.uploads.inspect_upload``),
the rows grouped into documents, each document compared with the archive.

Documents are keyed on the reference symbol, or, for a row without one, on
the file's checksum (SHA-256, which is what the archive stores files by): a
row without a symbol whose file is already in the archive is that
document. A document is refused whole when any of its rows is: the import
never leaves half a document (a Russian file without the English one the
manifest also gives)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils import timezone

from membership.models import ParticipantState

from ..enums import AccessLevel, DocumentType, FileLanguage, ImportOutcome, PublicationStatus
from ..models import Document, DocumentFile, Theme
from ..services import MSG_TITLE_REQUIRED
from ..uploads import UploadInfo, inspect_upload
from . import hooks
from . import report as r
from .manifest import ManifestRow

LANGUAGES = {
    "ru": FileLanguage.RUSSIAN, "rus": FileLanguage.RUSSIAN, "russian": FileLanguage.RUSSIAN,
    "русский": FileLanguage.RUSSIAN, "en": FileLanguage.ENGLISH, "eng": FileLanguage.ENGLISH,
    "english": FileLanguage.ENGLISH, "английский": FileLanguage.ENGLISH,
    "other": FileLanguage.OTHER, "другой": FileLanguage.OTHER,
}
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")
LIST_SEPARATORS = (";", ",")
LIMITS = {"symbol": 100, "title_ru": 500, "title_en": 500}
# The document's fields a manifest gives (one value per document: a later
# row of the same document may leave them empty, never give another value).
FIELDS = ("title_ru", "title_en", "summary_ru", "summary_en", "date", "type", "access",
          "status", "themes", "states", "meeting")
# Manifest column -> document field compared and updated.
COMPARED = {"title_ru": "title_ru", "title_en": "title_en", "summary_ru": "summary_ru",
            "summary_en": "summary_en", "date": "date", "type": "doc_type", "access": "access",
            "themes": "themes", "states": "states"}
LOOKUP_CHUNK = 1000

ADD, SAME = "add", "same"


@dataclass
class RowPlan:
    row: ManifestRow
    symbol: str = ""
    language: str = ""
    path: Path | None = None
    info: UploadInfo | None = None
    values: dict = field(default_factory=dict)
    reasons: list[dict] = field(default_factory=list)
    file_action: str = ""

    def refuse(self, message, **params) -> None:
        self.reasons.append(r.in_every_language(message, **params))

    @property
    def key(self) -> str:
        if self.symbol:
            return f"symbol:{self.symbol}"
        if self.info is not None:
            return f"sha256:{self.info.sha256}"
        return f"line:{self.row.line}"


@dataclass
class DocumentPlan:
    rows: list[RowPlan]
    symbol: str = ""
    document: Document | None = None
    values: dict = field(default_factory=dict)
    changes: list[str] = field(default_factory=list)
    publish: bool = False
    notes: list[dict] = field(default_factory=list)
    outcome: str = ""

    @property
    def refused(self) -> bool:
        return any(row.reasons for row in self.rows)

    def update_data(self) -> dict:
        return {COMPARED[column]: self.values[column] for column in self.changes
                if column in COMPARED}


class _Reference:
    """Themes by slug and states by ISO code, read once per import."""

    def __init__(self):
        self.themes = {theme.slug.lower(): theme for theme in Theme.objects.all()}
        self.states = {}
        for state in ParticipantState.objects.all():
            self.states[state.iso2.upper()] = state
            self.states[state.iso3.upper()] = state


def _split(value: str) -> list[str]:
    for separator in LIST_SEPARATORS:
        value = value.replace(separator, "\n")
    return [item.strip() for item in value.split("\n") if item.strip()]


def _choices(enum) -> str:
    return ", ".join(enum.values)


def _parse_date(plan: RowPlan, value: str) -> datetime.date | None:
    for date_format in DATE_FORMATS:
        try:
            parsed = datetime.datetime.strptime(value, date_format).date()
        except ValueError:
            continue
        if parsed > timezone.localdate():
            plan.refuse(r.MSG_FUTURE_DATE, value=parsed.isoformat())
        return parsed
    plan.refuse(r.MSG_BAD_DATE, value=value)
    return None


def _parse_choice(plan: RowPlan, value: str, enum, message):
    if value.lower() in enum.values:
        return value.lower()
    plan.refuse(message, value=value, choices=_choices(enum))
    return None


def _parse_values(plan: RowPlan, reference: _Reference) -> None:
    row = plan.row
    for column, limit in LIMITS.items():
        if len(row.get(column)) > limit:
            plan.refuse(r.MSG_TOO_LONG, column=column, limit=limit)
    values = plan.values
    for column in ("title_ru", "title_en", "summary_ru", "summary_en", "meeting"):
        if row.get(column):
            values[column] = row.get(column)
    if row.get("date"):
        values["date"] = _parse_date(plan, row.get("date"))
    if row.get("type"):
        values["type"] = _parse_choice(plan, row.get("type"), DocumentType, r.MSG_BAD_TYPE)
    if row.get("access"):
        values["access"] = _parse_choice(plan, row.get("access"), AccessLevel, r.MSG_BAD_ACCESS)
    if row.get("status"):
        status = row.get("status").lower()
        if status in {PublicationStatus.PUBLISHED, PublicationStatus.DRAFT}:
            values["status"] = status
        else:
            plan.refuse(r.MSG_BAD_STATUS, value=row.get("status"))
    if row.get("themes"):
        themes = []
        for slug in _split(row.get("themes")):
            theme = reference.themes.get(slug.lower())
            if theme is None:
                plan.refuse(r.MSG_UNKNOWN_THEME, value=slug,
                            choices=", ".join(sorted(reference.themes)))
            else:
                themes.append(theme)
        values["themes"] = themes
    if row.get("states"):
        states = []
        for code in _split(row.get("states")):
            state = reference.states.get(code.upper())
            if state is None:
                plan.refuse(r.MSG_UNKNOWN_STATE, value=code)
            else:
                states.append(state)
        values["states"] = states


def _check_file(plan: RowPlan, files_dir: Path) -> None:
    name = plan.row.get("file")
    if not name:
        plan.refuse(r.MSG_NO_FILE)
        return
    root = files_dir.resolve()
    path = (root / name.replace("\\", "/").lstrip("/")).resolve()
    if not path.is_relative_to(root):
        plan.refuse(r.MSG_OUTSIDE, path=name)
        return
    if not path.is_file():
        plan.refuse(r.MSG_MISSING_FILE, path=name)
        return
    plan.path = path
    try:
        with path.open("rb") as handle:
            plan.info = inspect_upload(File(handle, name=path.name))
    except ValidationError as exc:
        plan.reasons.extend(r.error_in_every_language(exc))
    except OSError:
        plan.refuse(r.MSG_UNREADABLE, path=name)


def row_check(row: ManifestRow, *, files_dir: Path, reference: _Reference) -> RowPlan:
    """One row on its own: its values and its file."""
    plan = RowPlan(row=row, symbol=row.get("symbol").strip())
    language = row.get("language").lower()
    if language not in LANGUAGES:
        plan.refuse(r.MSG_UNKNOWN_LANGUAGE, value=row.get("language"))
    else:
        plan.language = LANGUAGES[language].value
    _parse_values(plan, reference)
    _check_file(plan, files_dir)
    return plan


# --- Rows into documents ------------------------------------------------------------

def _group(rows: list[RowPlan]) -> list[DocumentPlan]:
    """Documents in the order of their first row; the same symbol and
    language twice, the same file twice and differing values refused."""
    documents: dict[str, DocumentPlan] = {}
    language_lines: dict[tuple[str, str], int] = {}
    file_lines: dict[str, int] = {}
    for row in rows:
        document = documents.setdefault(row.key, DocumentPlan(rows=[], symbol=row.symbol))
        document.rows.append(row)
        if row.language and row.language != FileLanguage.OTHER:
            other = language_lines.setdefault((row.key, row.language), row.row.line)
            if other != row.row.line:
                row.refuse(r.MSG_SAME_SYMBOL_LANGUAGE, other=other,
                           language=FileLanguage(row.language).label,
                           symbol=row.symbol or row.row.get("file"))
        if row.info is not None:
            other = file_lines.setdefault(row.info.sha256, row.row.line)
            if other != row.row.line:
                row.refuse(r.MSG_SAME_FILE_IN_MANIFEST, other=other)
        for column in FIELDS:
            if column not in row.values or row.values[column] is None:
                continue
            given = document.values.setdefault(column, (row.values[column], row.row.line))
            if _comparable(given[0]) != _comparable(row.values[column]):
                row.refuse(r.MSG_DIFFERS, column=column, other=given[1])
    for document in documents.values():
        document.values = {column: value for column, (value, _line) in document.values.items()}
    return list(documents.values())


def _comparable(value):
    if isinstance(value, list):
        return sorted(item.pk for item in value)
    return value


def _in_chunks(values: list[str]):
    for start in range(0, len(values), LOOKUP_CHUNK):
        yield values[start:start + LOOKUP_CHUNK]


def _existing(documents: list[DocumentPlan]) -> dict[str, dict]:
    """The archive's documents by symbol, and its files by checksum."""
    symbols = sorted({plan.symbol for plan in documents if plan.symbol})
    checksums = sorted({row.info.sha256 for plan in documents for row in plan.rows
                        if row.info is not None})
    by_symbol = {}
    for chunk in _in_chunks(symbols):
        by_symbol.update(
            (document.reference, document) for document in Document.objects.filter(
                reference__in=chunk).prefetch_related("themes", "states", "files")
        )
    by_checksum = {}
    for chunk in _in_chunks(checksums):
        by_checksum.update(
            (file.sha256, file) for file in DocumentFile.objects.filter(sha256__in=chunk)
            .select_related("document").prefetch_related(
                "document__themes", "document__states", "document__files")
        )
    return {"symbol": by_symbol, "checksum": by_checksum}


class _Described:
    """A document as the report names it, in the language it is rendered in."""

    def __init__(self, document: Document):
        self.document = document

    def __str__(self) -> str:
        title, reference = self.document.title, self.document.reference
        return f"{title} ({reference})" if reference else title


def _compare_files(plan: DocumentPlan, by_checksum: dict) -> None:
    target = plan.document
    for row in plan.rows:
        if row.info is None:
            continue
        holder = by_checksum.get(row.info.sha256)
        if holder is not None:
            if target is not None and holder.document_id == target.pk and (
                holder.language == row.language
            ):
                row.file_action = SAME
            else:
                row.refuse(r.MSG_DUPLICATE, document=_Described(holder.document))
            continue
        taken = target is not None and row.language != FileLanguage.OTHER and any(
            file.language == row.language for file in target.files.all()
        )
        if taken:
            row.refuse(r.MSG_LANGUAGE_TAKEN, document=_Described(target),
                       language=FileLanguage(row.language).label)
        else:
            row.file_action = ADD


def _current(document: Document, column: str):
    if column in {"themes", "states"}:
        return sorted(item.pk for item in getattr(document, column).all())
    return getattr(document, COMPARED[column])


def _compare_values(plan: DocumentPlan) -> None:
    values, document, first = plan.values, plan.document, plan.rows[0]
    if document is None:
        if not (values.get("title_ru") or values.get("title_en")):
            first.refuse(MSG_TITLE_REQUIRED)
        if "date" not in values:
            first.refuse(r.MSG_NEEDS_DATE)
        if "type" not in values:
            first.refuse(r.MSG_NEEDS_TYPE)
        plan.publish = values.get("status", PublicationStatus.PUBLISHED) == (
            PublicationStatus.PUBLISHED)
        return
    plan.changes = [
        column for column in COMPARED
        if column in values and _comparable(values[column]) != _current(document, column)
    ]
    plan.publish = values.get("status") == PublicationStatus.PUBLISHED and (
        document.status == PublicationStatus.DRAFT)


def _decide(plan: DocumentPlan) -> None:
    if plan.refused:
        lines = [str(row.row.line) for row in plan.rows if row.reasons]
        for row in plan.rows:
            if not row.reasons:
                row.refuse(r.MSG_WITH_OTHER_LINES, lines=", ".join(lines))
        plan.outcome = ImportOutcome.REFUSED
    elif plan.document is None:
        plan.outcome = ImportOutcome.CREATED
    elif plan.changes or plan.publish or any(row.file_action == ADD for row in plan.rows):
        plan.outcome = ImportOutcome.UPDATED
    else:
        plan.outcome = ImportOutcome.UNCHANGED


def _meeting(plan: DocumentPlan) -> None:
    value = plan.values.get("meeting")
    if not value:
        return
    link = hooks.meeting_link()
    if link is None:
        plan.notes.append(r.in_every_language(r.MSG_MEETING_NOT_LINKED, value=value))
        return
    error = link.check(value)
    if error is not None:
        plan.rows[0].reasons.append(error)


def import_plan(
    *, rows: list[ManifestRow], files_dir: Path,
    progress: Callable[[int], None] | None = None,
) -> list[DocumentPlan]:
    """Every row checked and every document compared with the archive;
    ``progress(rows_checked)`` is called as the files are read. Writes
    nothing."""
    reference = _Reference()
    checked = []
    for done, row in enumerate(rows, start=1):
        checked.append(row_check(row, files_dir=files_dir, reference=reference))
        if progress is not None:
            progress(done)
    documents = _group(checked)
    existing = _existing(documents)
    for plan in documents:
        if plan.symbol:
            plan.document = existing["symbol"].get(plan.symbol)
        else:
            holder = next((existing["checksum"].get(row.info.sha256) for row in plan.rows
                           if row.info is not None), None)
            plan.document = holder.document if holder is not None else None
        _compare_files(plan, existing["checksum"])
        _compare_values(plan)
        _meeting(plan)
        _decide(plan)
    return documents
