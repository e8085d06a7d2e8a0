"""Writes to the archive: documents, their language files, publication.

Every service validates (``full_clean`` plus the rules that need other rows),
writes inside ``transaction.atomic`` under the document's row lock, records
who acted in the history (django-simple-history's ``_history_user``, so that
tasks and scripts are attributed as well as admin requests) and enqueues the
follow-up work on commit: text extraction of a new file, then re-indexing of
the document for search.

Files: an upload is checked (archive.uploads.inspect_upload) before anything
is written; it is stored under its content hash inside the transaction, and
removed again if the block fails, so a rejected upload leaves neither a row
nor a file. Identical content is refused ("duplicate"), including when two
uploads of the same bytes race: the unique index on sha256 decides, and its
IntegrityError becomes the same translated error.

A caller that wraps document_file_add in its own transaction and rolls that
back *after* the service returned leaves the stored bytes without a row
(Django has no rollback hook); archive_orphan_files_delete, run by the
``archive.delete_orphan_files`` task, removes such files once they are old
enough that no transaction can still be about to commit them.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date as Date  # noqa: N812

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from membership.dbutils import constraint_name_of

from .enums import AccessLevel, ExtractionStatus, FileLanguage, PublicationStatus
from .extraction import ExtractionError, extract
from .models import Document, DocumentFile, archive_storage
from .uploads import inspect_upload, sanitize_filename

logger = logging.getLogger(__name__)

REFERENCE_UNIQUE = "archive_document_reference_unique_when_given"
ONE_FILE_PER_LANGUAGE = "archive_one_file_per_language"

MSG_TITLE_REQUIRED = _("Give the document a title in Russian or in English.")
MSG_DUPLICATE = _(
    "“%(name)s” is already in the archive: the same file belongs to the document “%(document)s”."
)
MSG_LANGUAGE_TAKEN = _(
    "The document “%(document)s” already has a file in this language (%(language)s): "
    "remove that file first to replace it."
)
MSG_REFERENCE_TAKEN = _("Another document already has this reference symbol.")
MSG_WITHDRAW_UNPUBLISHED = _("Only a published document can be withdrawn.")
MSG_NUMERIC_SLUG = _(
    "The address cannot be made of digits only: /archive/<number>/ is a document's number."
)

# The fields document_update accepts.
UPDATABLE_FIELDS = {
    "title_ru", "title_en", "summary_ru", "summary_en", "doc_type", "date", "reference",
    "access", "supersedes", "slug",
}
UPDATABLE_RELATIONS = {"themes", "states"}
SEARCHED_FIELDS = {"title_ru", "title_en", "summary_ru", "summary_en"}

SLUG_LENGTH = 100
SLUG_ATTEMPTS = 3

# Russian (and Kazakh) letters in Latin script, for slugs (close to the
# passport transliteration; no diacritics so that URLs stay plain).
TRANSLITERATION = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i",
})

# A language marker at the end of a filename's stem: "report_ru", "plan-EN",
# "доклад (RU)", "note.rus".
LANGUAGE_SUFFIX = re.compile(
    r"(?:[\s_.\-]+[(\[]?|[(\[])(?P<lang>ru|rus|russian|en|eng|english)[)\]]?$", re.IGNORECASE
)
LANGUAGE_CODES = {"ru": "ru", "rus": "ru", "russian": "ru", "en": "en", "eng": "en",
                  "english": "en"}


# --- Helpers -------------------------------------------------------------------

def transliterate(text: str) -> str:
    return text.lower().translate(TRANSLITERATION)


def _slug_base(document: Document) -> str:
    for title in (document.title_en, document.title_ru):
        base = slugify(transliterate(title or ""))[:SLUG_LENGTH].strip("-")
        if base:
            return base
    return "document"


def _unique_slug(document: Document) -> str:
    base = _slug_base(document)
    taken = set(
        Document.objects.filter(slug__startswith=base).exclude(pk=document.pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken or slug.isdigit():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _has_title(document: Document) -> bool:
    return bool((document.title_ru or "").strip() or (document.title_en or "").strip())


def _title_of(document: Document) -> str:
    """The title in the active language (modeltranslation falls back to the other)."""
    return document.title or str(document.pk)


@contextlib.contextmanager
def _reference_race_as_validation():
    """A reference symbol taken by a concurrent save (the partial unique
    index) becomes the same error full_clean gives."""
    try:
        yield
    except IntegrityError as exc:
        if constraint_name_of(exc) == REFERENCE_UNIQUE:
            raise ValidationError({"reference": MSG_REFERENCE_TAKEN}, code="unique") from exc
        raise


def _enqueue_index(document_id: int) -> None:
    from . import tasks

    transaction.on_commit(lambda: tasks.index_document.delay(document_id))


def _enqueue_extraction(file_id: int) -> None:
    from . import tasks

    transaction.on_commit(lambda: tasks.extract_file.delay(file_id))


def _check_slug(document: Document) -> None:
    if document.slug.isdigit():
        raise ValidationError({"slug": MSG_NUMERIC_SLUG}, code="numeric_slug")


def _lock(document: Document) -> Document:
    return Document.objects.select_for_update().get(pk=document.pk)


# --- Documents -----------------------------------------------------------------

def document_create(
    *,
    created_by,
    doc_type: str,
    date: Date,
    title_ru: str = "",
    title_en: str = "",
    summary_ru: str = "",
    summary_en: str = "",
    reference: str = "",
    access: str = AccessLevel.PUBLIC,
    themes: Iterable = (),
    states: Iterable = (),
    supersedes: Document | None = None,
    slug: str = "",
) -> Document:
    """A new draft document; the slug comes from the English title or the
    transliterated Russian one unless given, made unique with -2, -3, ..."""
    document = Document(
        doc_type=doc_type, date=date,
        title_ru=title_ru.strip(), title_en=title_en.strip(),
        summary_ru=summary_ru.strip(), summary_en=summary_en.strip(),
        reference=reference.strip(), access=access, supersedes=supersedes,
        status=PublicationStatus.DRAFT, created_by=created_by, updated_by=created_by,
    )
    if not _has_title(document):
        raise ValidationError(MSG_TITLE_REQUIRED, code="title_required")
    document._history_user = created_by
    for attempt in range(1, SLUG_ATTEMPTS + 1):
        try:
            with _reference_race_as_validation(), transaction.atomic():
                document.slug = slug.strip() or _unique_slug(document)
                _check_slug(document)
                document.full_clean()
                document.save()
                document.themes.set(themes)
                document.states.set(states)
                _enqueue_index(document.pk)
        except IntegrityError:
            # A document with the same title was saved meanwhile and took the
            # generated slug: generate it again.
            lost_slug_race = not slug.strip() and Document.objects.filter(
                slug=document.slug
            ).exists()
            if not lost_slug_race or attempt == SLUG_ATTEMPTS:
                raise
            document.pk = None
        else:
            return document
    raise AssertionError("unreachable")  # pragma: no cover


def document_update(*, document: Document, data: dict, updated_by) -> Document:
    """Change a document's metadata. ``data`` holds any of UPDATABLE_FIELDS
    and "themes"/"states"; publication goes through document_publish and
    document_withdraw."""
    unknown = set(data) - UPDATABLE_FIELDS - UPDATABLE_RELATIONS
    if unknown:
        raise TypeError(f"document_update cannot change {sorted(unknown)}")
    with _reference_race_as_validation(), transaction.atomic():
        document = _lock(document)
        for name in UPDATABLE_FIELDS & set(data):
            value = data[name]
            setattr(document, name, value.strip() if isinstance(value, str) else value)
        if not _has_title(document):
            raise ValidationError(MSG_TITLE_REQUIRED, code="title_required")
        if "slug" in data and not document.slug:
            document.slug = _unique_slug(document)
        _check_slug(document)
        document.updated_by = updated_by
        document._history_user = updated_by
        document.full_clean()
        document.save()
        if "themes" in data:
            document.themes.set(data["themes"])
        if "states" in data:
            document.states.set(data["states"])
        if SEARCHED_FIELDS & set(data):
            _enqueue_index(document.pk)
    return document


def document_publish(*, document: Document, by) -> Document:
    """Publish a draft or withdrawn document (needs a title in at least one
    language); ``published_at`` is set the first time only. Publishing a
    published document changes nothing."""
    with transaction.atomic():
        document = _lock(document)
        if document.status == PublicationStatus.PUBLISHED:
            return document
        if not _has_title(document):
            raise ValidationError(MSG_TITLE_REQUIRED, code="title_required")
        document.status = PublicationStatus.PUBLISHED
        if document.published_at is None:
            document.published_at = timezone.now()
        document.updated_by = by
        document._history_user = by
        document.save(update_fields=["status", "published_at", "updated_by", "updated_at"])
    return document


def document_withdraw(*, document: Document, by) -> Document:
    """Take a published document off the public pages; the record, its files
    and its history stay."""
    with transaction.atomic():
        document = _lock(document)
        if document.status == PublicationStatus.WITHDRAWN:
            return document
        if document.status != PublicationStatus.PUBLISHED:
            raise ValidationError(MSG_WITHDRAW_UNPUBLISHED, code="not_published")
        document.status = PublicationStatus.WITHDRAWN
        document.updated_by = by
        document._history_user = by
        document.save(update_fields=["status", "updated_by", "updated_at"])
    return document


# --- Files ---------------------------------------------------------------------

def document_file_duplicate_error(*, sha256: str, name: str) -> ValidationError | None:
    """The translated "already in the archive" error naming the document
    that holds this content, or None. Also checked by the admin's inline
    form before anything is saved."""
    holder = DocumentFile.objects.filter(sha256=sha256).select_related("document").first()
    if holder is None:
        return None
    return ValidationError(
        MSG_DUPLICATE, code="duplicate",
        params={"name": name, "document": _title_of(holder.document)},
    )


def _language_taken_error(document: Document, language: str) -> ValidationError | None:
    if language == FileLanguage.OTHER:
        return None
    if not DocumentFile.objects.filter(document=document, language=language).exists():
        return None
    return ValidationError(
        MSG_LANGUAGE_TAKEN, code="language_taken",
        params={"document": _title_of(document), "language": FileLanguage(language).label},
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
            document = _lock(document)
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
            _enqueue_extraction(document_file.pk)
            _enqueue_index(document.pk)
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


def _delete_stored_on_commit(names: Iterable[str]) -> None:
    """Remove stored files once their rows are gone for good: a rolled-back
    deletion keeps them. A file already missing is no error."""
    storage = archive_storage()
    for name in names:
        if name:
            transaction.on_commit(functools.partial(storage.delete, name))


def document_file_delete(*, document_file: DocumentFile, by) -> None:
    """Remove one language version: the row now (the history records who),
    the stored bytes and the document's reindexing once committed."""
    with transaction.atomic():
        name, document_id = document_file.file.name, document_file.document_id
        document_file._history_user = by
        document_file.delete()
        _delete_stored_on_commit([name])
        _enqueue_index(document_id)


def documents_delete(*, documents: QuerySet[Document]) -> int:
    """Delete documents with their language files (the history records each
    row, with the request's user in the admin); the stored bytes go once the
    deletion has committed. Returns how many documents went."""
    with transaction.atomic():
        names = list(
            DocumentFile.objects.filter(document__in=documents).values_list("file", flat=True)
        )
        count = documents.count()
        documents.delete()
        _delete_stored_on_commit(names)
    return count


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


# --- Text extraction -------------------------------------------------------------

def document_files_retry_extraction(*, documents: QuerySet[Document]) -> int:
    """Queue the text extraction again for the failed files of ``documents``
    (after commit); returns how many files were queued."""
    with transaction.atomic():
        files = list(
            DocumentFile.objects.select_for_update()
            .filter(document__in=documents, extraction_status=ExtractionStatus.FAILED)
            .defer("extracted_text")
        )
        for document_file in files:
            document_file.extraction_status = ExtractionStatus.PENDING
            document_file.extraction_error = ""
            document_file.save(update_fields=["extraction_status", "extraction_error"])
            _enqueue_extraction(document_file.pk)
    return len(files)


def document_file_extract(*, file_id: int) -> DocumentFile:
    """Extract the text and page count of a file: pending/failed/running ->
    running -> done or failed (the error recorded on the file). A file
    already done is left alone, so a redelivered task does no harm. Then
    re-index its document for search."""
    with transaction.atomic():
        document_file = DocumentFile.objects.select_for_update().get(pk=file_id)
        if document_file.extraction_status == ExtractionStatus.DONE:
            return document_file
        document_file.extraction_status = ExtractionStatus.RUNNING
        document_file.extraction_error = ""
        document_file.save(update_fields=["extraction_status", "extraction_error"])

    try:
        with document_file.file.open("rb") as handle:
            result = extract(handle, mime_type=document_file.mime_type)
    except (ExtractionError, OSError) as exc:
        logger.warning("Text extraction failed for archive file %s: %s", file_id, exc)
        values = {
            "extraction_status": ExtractionStatus.FAILED,
            "extraction_error": str(exc) or type(exc).__name__,
            "extracted_text": "", "page_count": None,
        }
    else:
        if result.truncated:
            logger.info("Archive file %s: extracted text cut at %s characters",
                        file_id, len(result.text))
        values = {
            "extraction_status": ExtractionStatus.DONE, "extraction_error": "",
            "extracted_text": result.text, "page_count": result.page_count,
        }

    with transaction.atomic():
        document_file = DocumentFile.objects.select_for_update().get(pk=file_id)
        for name, value in values.items():
            setattr(document_file, name, value)
        document_file.save(update_fields=list(values))

    from .search import document_index

    document_index(document_id=document_file.document_id)
    return document_file


# --- Storage housekeeping -----------------------------------------------------------

def _stored_names(storage, directory: str) -> Iterator[str]:
    directories, files = storage.listdir(directory)
    for name in files:
        yield f"{directory}/{name}"
    for name in directories:
        yield from _stored_names(storage, f"{directory}/{name}")


def archive_orphan_files_delete(
    *, older_than: datetime.timedelta = datetime.timedelta(hours=6)
) -> list[str]:
    """Delete stored files that no DocumentFile row refers to and that were
    written more than ``older_than`` ago; returns their names."""
    storage = DocumentFile._meta.get_field("file").storage
    if not storage.exists("archive"):
        return []
    cutoff = timezone.now() - older_than
    referenced = set(DocumentFile.objects.values_list("file", flat=True))
    deleted = []
    for name in _stored_names(storage, "archive"):
        if name in referenced or storage.get_modified_time(name) > cutoff:
            continue
        storage.delete(name)
        deleted.append(name)
    if deleted:
        logger.info("Deleted %s archive files without a row: %s", len(deleted), deleted)
    return deleted
