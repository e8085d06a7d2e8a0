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

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from celery import Task, shared_task
from django.conf import settings
from django.db import OperationalError, close_old_connections

from .enums import ExtractionStatus
from .models import Document, DocumentFile
from .priority import lower_cpu_priority
from .services import (
    archive_orphan_files_delete,
    document_file_extract,
    document_file_extraction_attempt_start,
    document_files_fail_stuck,
)

logger = logging.getLogger(__name__)

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


# --- Running extraction after the response without Redis ---------------------------

_background_lock = threading.Lock()
_background_executor: ThreadPoolExecutor | None = None


def _background() -> ThreadPoolExecutor:
    """One thread per process: extractions queue up rather than compete."""
    global _background_executor
    with _background_lock:
        if _background_executor is None:
            _background_executor = ThreadPoolExecutor(
                max_workers=1, thread_name_prefix="archive-extraction",
                initializer=lower_cpu_priority,
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
        # ``.result``, not ``.get()``: celery's "would block" guard is a
        # process-wide flag that any eager task running meanwhile in another
        # thread (a briefing pack in load_demo, say) turns on.
        return self.apply(args, kwargs).result


# --- Tasks --------------------------------------------------------------------------

@shared_task(name="archive.extract_file", base=AfterResponseTask, **RETRY, **REDELIVERED)
def extract_file(file_id: int) -> str:
    """Extract the text of one DocumentFile; returns its extraction status."""
    try:
        if not document_file_extraction_attempt_start(file_id=file_id):
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


# An import of tens of thousands of files takes hours, not the 15 minutes
# every other task is allowed (CELERY_TASK_TIME_LIMIT; None here would mean
# that default).
IMPORT_TIME_LIMIT = 24 * 3600


@shared_task(name="archive.run_import", base=AfterResponseTask, time_limit=IMPORT_TIME_LIMIT,
             soft_time_limit=IMPORT_TIME_LIMIT - 60, **RETRY)
def run_import(import_id: int) -> str:
    """Run one bulk import (archive.imports); its progress and report are on
    its row. A second delivery finds it started and does nothing. Without
    Redis it runs in the background thread after the admin's response."""
    from .imports import archive_import_run
    from .models import ArchiveImport

    try:
        return archive_import_run(import_id=import_id).status
    except ArchiveImport.DoesNotExist:
        logger.info("Archive import %s was deleted before it ran", import_id)
        return "missing"
