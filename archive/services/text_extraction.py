"""Text extraction of a stored file (the reading itself is archive.extraction,
in a bounded child process) and queuing it again after a failure."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import ExtractionStatus
from ..extraction import ExtractionError, extract
from ..models import Document, DocumentFile
from .common import enqueue_extraction

logger = logging.getLogger(__name__)

# A file whose extraction started this many times without finishing (the
# worker died, say out of memory) is marked failed instead of tried again.
MAX_EXTRACTION_ATTEMPTS = 3

MSG_TOO_MANY_ATTEMPTS = _(
    "Text extraction was interrupted %(count)s times (the worker stopped, perhaps out of "
    "memory), so it was not tried again. “Retry text extraction of failed files” starts "
    "it afresh."
)
MSG_STUCK = _(
    "Text extraction did not finish within %(minutes)s minutes (its process stopped). "
    "“Retry text extraction of failed files” starts it afresh."
)


# --- Extraction attempts ---------------------------------------------------------

def document_file_extraction_attempt_start(*, file_id: int) -> bool:
    """Count an attempt on the row (under its lock): the first of a file
    queued afresh (pending), or one more after an attempt that never
    finished (running) or a redelivery after failing. Past
    MAX_EXTRACTION_ATTEMPTS the file is marked failed; returns whether to
    extract."""
    with transaction.atomic():
        document_file = (
            DocumentFile.objects.select_for_update().defer("extracted_text").get(pk=file_id)
        )
        if document_file.extraction_status == ExtractionStatus.DONE:
            return True  # the service leaves it alone
        if document_file.extraction_status == ExtractionStatus.PENDING:
            document_file.extraction_attempts = 1
        else:
            document_file.extraction_attempts += 1
        if document_file.extraction_attempts > MAX_EXTRACTION_ATTEMPTS:
            document_file.extraction_attempts = MAX_EXTRACTION_ATTEMPTS
            document_file.extraction_status = ExtractionStatus.FAILED
            document_file.extraction_error = str(
                MSG_TOO_MANY_ATTEMPTS % {"count": MAX_EXTRACTION_ATTEMPTS}
            )
            logger.warning("Archive file %s: extraction interrupted %s times, given up",
                           file_id, MAX_EXTRACTION_ATTEMPTS)
        else:
            # Running from here, so that a worker dying before the service
            # starts still counts as an attempt that did not finish.
            document_file.extraction_status = ExtractionStatus.RUNNING
        document_file.save(update_fields=[
            "extraction_attempts", "extraction_status", "extraction_error",
        ])
        return document_file.extraction_status == ExtractionStatus.RUNNING


def document_files_fail_stuck(*, now: datetime.datetime | None = None) -> int:
    """Mark failed, with the reason, the files "running" since longer than
    ARCHIVE_EXTRACTION_STUCK_AFTER (the time of their last change is in their
    history; the upload time when there is none). Returns how many."""
    stuck_after = datetime.timedelta(seconds=settings.ARCHIVE_EXTRACTION_STUCK_AFTER)
    cutoff = (now or timezone.now()) - stuck_after
    last_change = (
        DocumentFile.history.filter(id=OuterRef("pk"))
        .order_by("-history_date").values("history_date")[:1]
    )
    reason = str(MSG_STUCK % {"minutes": int(stuck_after.total_seconds() // 60)})
    with transaction.atomic():
        stuck = list(
            DocumentFile.objects.select_for_update()
            .filter(extraction_status=ExtractionStatus.RUNNING)
            .annotate(changed_at=Subquery(last_change))
            .filter(Q(changed_at__lt=cutoff) | Q(changed_at=None, uploaded_at__lt=cutoff))
            .defer("extracted_text")
        )
        for document_file in stuck:
            document_file.extraction_status = ExtractionStatus.FAILED
            document_file.extraction_error = reason
            document_file.save(update_fields=["extraction_status", "extraction_error"])
    if stuck:
        logger.warning("Archive files stuck in extraction, marked failed: %s",
                       [document_file.pk for document_file in stuck])
    return len(stuck)


def document_files_retry_extraction(*, documents: QuerySet[Document]) -> int:
    """Queue the text extraction again for the failed files of ``documents``
    (after commit); returns how many files were queued. Files stuck in
    "running" (their process died) are failed first, so they are retried too."""
    document_files_fail_stuck()
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
