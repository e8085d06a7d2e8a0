"""Text extraction of a stored file (the reading itself is archive.extraction,
in a bounded child process) and queuing it again after a failure."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import QuerySet

from ..enums import ExtractionStatus
from ..extraction import ExtractionError, extract
from ..models import Document, DocumentFile
from .common import enqueue_extraction

logger = logging.getLogger(__name__)


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
            enqueue_extraction(document_file.pk)
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

    from ..search import document_index

    document_index(document_id=document_file.document_id)
    return document_file
