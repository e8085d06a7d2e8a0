"""Writes to the archive, one module per entity: ``documents`` (creation,
metadata, publication), ``files`` (language files), ``bulk`` (one draft
per uploaded file), ``deletion`` (files, documents, stored files left
without a row) and ``text_extraction``; ``common`` holds what they share.
Import from here: ``from archive.services import X``.

Every service validates (``full_clean`` plus the rules that need other rows),
writes inside ``transaction.atomic`` under the document's row lock, records
who acted in the history (django-simple-history's ``_history_user``, so that
tasks and scripts are attributed as well as admin requests) and enqueues the
follow-up work on commit: text extraction of a new file, then re-indexing of
the document for search.
"""

from .bulk import (
    BulkUploadResult,
    documents_bulk_upload,
    language_from_filename,
    title_from_filename,
)
from .common import MSG_TITLE_REQUIRED
from .deletion import archive_orphan_files_delete, document_file_delete, documents_delete
from .documents import (
    MSG_NUMERIC_SLUG,
    MSG_REFERENCE_TAKEN,
    MSG_WITHDRAW_UNPUBLISHED,
    REFERENCE_UNIQUE,
    SEARCHED_FIELDS,
    UPDATABLE_FIELDS,
    UPDATABLE_RELATIONS,
    document_create,
    document_publish,
    document_update,
    document_withdraw,
)
from .files import (
    MSG_DUPLICATE,
    MSG_LANGUAGE_TAKEN,
    ONE_FILE_PER_LANGUAGE,
    document_file_add,
    document_file_duplicate_error,
)
from .text_extraction import (
    MAX_EXTRACTION_ATTEMPTS,
    document_file_extract,
    document_file_extraction_attempt_start,
    document_files_fail_stuck,
    document_files_retry_extraction,
)

__all__ = [
    "MAX_EXTRACTION_ATTEMPTS",
    "MSG_DUPLICATE",
    "MSG_LANGUAGE_TAKEN",
    "MSG_NUMERIC_SLUG",
    "MSG_REFERENCE_TAKEN",
    "MSG_TITLE_REQUIRED",
    "MSG_WITHDRAW_UNPUBLISHED",
    "ONE_FILE_PER_LANGUAGE",
    "REFERENCE_UNIQUE",
    "SEARCHED_FIELDS",
    "UPDATABLE_FIELDS",
    "UPDATABLE_RELATIONS",
    "BulkUploadResult",
    "archive_orphan_files_delete",
    "document_create",
    "document_file_add",
    "document_file_delete",
    "document_file_duplicate_error",
    "document_file_extract",
    "document_file_extraction_attempt_start",
    "document_files_fail_stuck",
    "document_files_retry_extraction",
    "document_publish",
    "document_update",
    "document_withdraw",
    "documents_bulk_upload",
    "documents_delete",
    "language_from_filename",
    "title_from_filename",
]
