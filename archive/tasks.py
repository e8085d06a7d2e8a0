"""Background work of the archive: text extraction of uploaded files and
re-indexing of documents for search. Tasks take primary keys, call a
service and decide on retries; both are idempotent (extraction keeps its
state on the file row, indexing rewrites the document's search columns),
hence ``acks_late``: a worker lost mid-task means the task runs again."""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import OperationalError

from .models import Document, DocumentFile
from .services import archive_orphan_files_delete, document_file_extract

logger = logging.getLogger(__name__)

# A database that is restarting or unreachable is worth waiting for.
RETRY = {
    "acks_late": True,
    "autoretry_for": (OperationalError,),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "max_retries": 5,
}


@shared_task(name="archive.extract_file", **RETRY)
def extract_file(file_id: int) -> str:
    """Extract the text of one DocumentFile; returns its extraction status."""
    try:
        document_file = document_file_extract(file_id=file_id)
    except DocumentFile.DoesNotExist:
        logger.info("Archive file %s was deleted before its text was extracted", file_id)
        return "missing"
    return document_file.extraction_status


@shared_task(name="archive.index_document", **RETRY)
def index_document(document_id: int) -> str:
    """Rebuild one document's search columns."""
    from .search import document_index

    try:
        document_index(document_id=document_id)
    except Document.DoesNotExist:
        logger.info("Archive document %s was deleted before it was indexed", document_id)
        return "missing"
    return "indexed"


@shared_task(name="archive.delete_orphan_files", acks_late=True)
def delete_orphan_files() -> int:
    """Housekeeping (run daily, e.g. from celery beat or cron): stored files
    whose row was rolled back or deleted; returns how many went."""
    return len(archive_orphan_files_delete())
