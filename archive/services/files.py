"""Language files: one Russian and one English file per document at most
(and any number in other languages), identical content refused anywhere in
the archive.

An upload is checked (archive.uploads.inspect_upload) before anything is
written; it is stored under its content hash inside the transaction, and
removed again if the block fails, so a rejected upload leaves neither a row
nor a file. Identical content is refused ("duplicate"), including when two
uploads of the same bytes race: the unique index on sha256 decides, and its
IntegrityError becomes the same translated error."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from core.db import constraint_name_of

from ..enums import ExtractionStatus, FileLanguage
from ..models import Document, DocumentFile
from ..uploads import inspect_upload
from .common import (
    document_touch,
    enqueue_extraction,
    enqueue_index,
    lock_document,
    title_of,
)

logger = logging.getLogger(__name__)

ONE_FILE_PER_LANGUAGE = "archive_one_file_per_language"

MSG_DUPLICATE = _(
    "“%(name)s” is already in the archive: the same file belongs to the document “%(document)s”."
)
MSG_LANGUAGE_TAKEN = _(
    "The document “%(document)s” already has a file in this language (%(language)s): "
    "remove that file first to replace it."
)


def document_file_duplicate_error(*, sha256: str, name: str) -> ValidationError | None:
    """The translated "already in the archive" error naming the document
    that holds this content, or None. Also checked by the admin's inline
    form before anything is saved."""
    holder = DocumentFile.objects.filter(sha256=sha256).select_related("document").first()
    if holder is None:
        return None
    return ValidationError(
        MSG_DUPLICATE, code="duplicate",
        params={"name": name, "document": title_of(holder.document)},
    )


def _language_taken_error(document: Document, language: str) -> ValidationError | None:
    if language == FileLanguage.OTHER:
        return None
    if not DocumentFile.objects.filter(document=document, language=language).exists():
        return None
    return ValidationError(
        MSG_LANGUAGE_TAKEN, code="language_taken",
        params={"document": title_of(document), "language": FileLanguage(language).label},
    )


def _delete_stored(document_file: DocumentFile | None) -> None:
    """Remove the file a failed upload had already written."""
    if document_file is None:
        return
    try:
        document_file.file.storage.delete(document_file.file.name)
    except OSError:
        logger.exception("Could not remove the rejected archive file %s", document_file.file.name)


def document_file_add(
    *, document: Document, upload: UploadedFile, language: str, uploaded_by
) -> DocumentFile:
    """Attach an uploaded file to ``document`` in ``language`` (ru, en or
    other: one Russian and one English file at most). Its text is extracted
    by a task after commit."""
    info = inspect_upload(upload)
    stored = None
    try:
        with transaction.atomic():
            document = lock_document(document)
            error = document_file_duplicate_error(
                sha256=info.sha256, name=info.filename
            ) or _language_taken_error(document, language)
            if error is not None:
                raise error
            document_file = DocumentFile(
                document=document, language=language, original_filename=info.filename,
                size=info.size, sha256=info.sha256, mime_type=info.mime_type,
                extraction_status=ExtractionStatus.PENDING, uploaded_by=uploaded_by,
            )
            document_file._history_user = uploaded_by
            document_file.full_clean(exclude=["file"], validate_unique=False,
                                     validate_constraints=False)
            document_file.file.save(info.filename, upload, save=False)
            stored = document_file
            document_file.save()
            document_touch(document.pk)
            enqueue_extraction(document_file.pk)
            enqueue_index(document.pk)
    except IntegrityError as exc:
        # A concurrent upload won the race for the hash or the language slot.
        _delete_stored(stored)
        error = document_file_duplicate_error(sha256=info.sha256, name=info.filename)
        if error is None and constraint_name_of(exc) in {ONE_FILE_PER_LANGUAGE, None}:
            error = _language_taken_error(document, language)
        if error is None:
            raise
        raise error from exc
    except BaseException:
        _delete_stored(stored)
        raise
    return document_file
