"""Background work of the archive: text extraction of uploaded files and
re-indexing of documents for search. Tasks take primary keys, call a
service and decide on retries.

Delivery: ``acks_late`` with ``reject_on_worker_lost`` only on the tasks that
are idempotent and must not be lost (extraction keeps its state on the file
row, indexing rewrites the document's search columns): a worker lost
mid-task means the task runs again. Extraction counts its attempts on the
row, so a file that kills the worker is not redelivered forever. The
periodic housekeeping tasks are idempotent too but are acknowledged late
without redelivery: beat sends them again anyway.

Without Redis (CELERY_TASK_ALWAYS_EAGER) extraction runs after the upload's
response, in one background thread of the web process
(ARCHIVE_EXTRACTION_IN_BACKGROUND); the reading itself is always a bounded
child process (archive.extraction).
"""

from __future__ import annotations

import datetime
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from celery import Task, shared_task
from django.conf import settings
from django.db import OperationalError, close_old_connections, transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import ExtractionStatus
from .models import Document, DocumentFile
from .services import archive_orphan_files_delete, document_file_extract

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

# A database that is restarting or unreachable is worth waiting for.
RETRY = {
    "autoretry_for": (OperationalError,),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "max_retries": 5,
}
# Idempotent and not to be lost: acknowledged once done, redelivered if the
# worker is lost.
REDELIVERED = {"acks_late": True, "reject_on_worker_lost": True}


# --- Extraction attempts ---------------------------------------------------------

def _attempt_start(file_id: int) -> bool:
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


# --- Running extraction after the response without Redis ---------------------------

_background_lock = threading.Lock()
_background_executor: ThreadPoolExecutor | None = None


def _background() -> ThreadPoolExecutor:
    """One thread per process: extractions queue up rather than compete."""
    global _background_executor
    with _background_lock:
        if _background_executor is None:
            _background_executor = ThreadPoolExecutor(
                max_workers=1, thread_name_prefix="archive-extraction"
            )
        return _background_executor


def background_submit(function, *args) -> Future:
    """Run ``function(*args)`` in the background thread, with its own
    database connections, closed afterwards."""

    def run():
        close_old_connections()
        try:
            return function(*args)
        except Exception:
            logger.exception("Background archive work failed")
            raise
        finally:
            from django.db import connections

            connections.close_all()

    return _background().submit(run)


def _runs_in_background(task: Task) -> bool:
    return task.app.conf.task_always_eager and settings.ARCHIVE_EXTRACTION_IN_BACKGROUND


class AfterResponseTask(Task):
    """Through a broker as usual; eager (no Redis), in the background thread
    rather than in the request that queued it (``delay`` then returns None)."""

    def apply_async(self, args=None, kwargs=None, **options):
        if _runs_in_background(self):
            background_submit(self._apply_in_background, args or (), kwargs or {})
            return None
        return super().apply_async(args, kwargs, **options)

    def _apply_in_background(self, args, kwargs):
        # No beat without Redis: the stuck files are swept here.
        document_files_fail_stuck()
        return self.apply(args, kwargs).get(propagate=False)


# --- Tasks --------------------------------------------------------------------------

@shared_task(name="archive.extract_file", base=AfterResponseTask, **RETRY, **REDELIVERED)
def extract_file(file_id: int) -> str:
    """Extract the text of one DocumentFile; returns its extraction status."""
    try:
        if not _attempt_start(file_id):
            return ExtractionStatus.FAILED.value
        document_file = document_file_extract(file_id=file_id)
    except DocumentFile.DoesNotExist:
        logger.info("Archive file %s was deleted before its text was extracted", file_id)
        return "missing"
    return document_file.extraction_status


@shared_task(name="archive.index_document", **RETRY, **REDELIVERED)
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
    """Housekeeping (daily, from celery beat): stored files whose row was
    rolled back or deleted; returns how many went."""
    return len(archive_orphan_files_delete())


@shared_task(name="archive.fail_stuck_extractions", acks_late=True)
def fail_stuck_extractions() -> int:
    """Housekeeping (every 15 minutes, from celery beat): files left
    "running" become "failed" with the reason; returns how many."""
    return document_files_fail_stuck()
