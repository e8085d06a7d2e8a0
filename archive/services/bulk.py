"""Bulk upload: one draft document per file, titled (and its language
guessed) from the filename."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date  # noqa: N812

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from ..enums import FileLanguage
from ..models import Document
from ..uploads import sanitize_filename
from .documents import document_create
from .files import document_file_add

# A language marker at the end of a filename's stem: "report_ru", "plan-EN",
# "доклад (RU)", "note.rus".
LANGUAGE_SUFFIX = re.compile(
    r"(?:[\s_.\-]+[(\[]?|[(\[])(?P<lang>ru|rus|russian|en|eng|english)[)\]]?$", re.IGNORECASE
)
LANGUAGE_CODES = {"ru": "ru", "rus": "ru", "russian": "ru", "en": "en", "eng": "en",
                  "english": "en"}


@dataclass
class BulkUploadResult:
    created: list[Document] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)


def language_from_filename(name: str) -> str:
    """"ru" or "en" from a suffix such as _ru, -EN, (RU), .eng; else "ru"."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    match = LANGUAGE_SUFFIX.search(stem)
    if match is None or match.start() == 0:
        return FileLanguage.RUSSIAN
    return LANGUAGE_CODES[match.group("lang").lower()]


def title_from_filename(name: str) -> str:
    """«Доклад_о_миграции_ru.pdf» -> «Доклад о миграции»."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    match = LANGUAGE_SUFFIX.search(stem)
    if match is not None and match.start() > 0:
        stem = stem[: match.start()]
    title = re.sub(r"[\s_]+", " ", stem).strip(" -.")
    return title or name


def documents_bulk_upload(
    *,
    uploads: Iterable[UploadedFile],
    uploaded_by,
    doc_type: str,
    date: Date,
    access: str,
    language: str,
) -> BulkUploadResult:
    """One draft document per file, titled from the filename. ``language``
    is ru, en, other, or "auto" (from a suffix of the filename, else ru).
    Each file is its own transaction: a rejected file is reported and the
    others go on."""
    result = BulkUploadResult()
    for upload in uploads:
        name = sanitize_filename(upload.name or "")
        file_language = language_from_filename(name) if language == "auto" else language
        title = title_from_filename(name)
        titles = {"title_en": title} if file_language == FileLanguage.ENGLISH else {
            "title_ru": title
        }
        try:
            with transaction.atomic():
                document = document_create(
                    created_by=uploaded_by, doc_type=doc_type, date=date, access=access,
                    **titles,
                )
                document_file_add(document=document, upload=upload, language=file_language,
                                  uploaded_by=uploaded_by)
        except ValidationError as exc:
            result.rejected.append((name, " ".join(str(m) for m in exc.messages)))
        else:
            result.created.append(document)
    return result
