"""The archive's tasks: extraction bounded and counted, run after the
response without Redis, stuck files swept into "failed"."""

from __future__ import annotations

import datetime
import itertools
import threading

import pytest
import time_machine
from django.utils import timezone

from archive import services, tasks
from archive.enums import ExtractionStatus
from archive.models import DocumentFile
from tests.factories.archive import DocumentFactory, DocumentFileFactory
from tests.factories.membership import StaffUserFactory

from .conftest import MIME, RU_TEXT, upload
from .test_extraction_limits import make_shared_stream_pdf

TEXT = f"{RU_TEXT}\n".encode()
MSG_TOO_MANY_ATTEMPTS = (
    "Извлечение текста прерывалось 3 раза (обработчик останавливался, возможно из-за "
    "нехватки памяти), поэтому больше не повторяется. Действие «Повторить извлечение "
    "текста из файлов с ошибкой» запускает его заново."
)
MSG_STUCK = (
    "Извлечение текста не завершилось за 30 мин (его процесс остановился). Действие "
    "«Повторить извлечение текста из файлов с ошибкой» запускает его заново."
)


# Trailing spaces make each file's content (and hash) unique; the text is
# read without them.
_unique = itertools.count(1)


def waiting_file(*, status=ExtractionStatus.PENDING, attempts=0, content=None,
                 mime_type=MIME["txt"]) -> DocumentFile:
    if content is None:
        content = TEXT + b" " * next(_unique)
    return DocumentFileFactory(
        content=content, mime_type=mime_type, extraction_status=status,
        extraction_attempts=attempts, extracted_text="", page_count=None,
    )


# --- Bounded extraction through the task ------------------------------------------

def test_extract_file_stopped_at_the_time_budget_is_failed_with_the_reason(
    db, archive_dir, settings
):
    settings.ARCHIVE_EXTRACTION_TIME_LIMIT = 1
    document_file = waiting_file(content=make_shared_stream_pdf(pages=40, operators=20_000),
                                 mime_type=MIME["pdf"])

    status = tasks.extract_file.delay(document_file.pk).get()

    document_file.refresh_from_db()
    assert status == ExtractionStatus.FAILED
    assert document_file.extraction_status == ExtractionStatus.FAILED
    assert document_file.extraction_error == (
        "Чтение текста заняло больше 1 с и было остановлено."
    )


def test_extract_file_with_more_pages_than_the_cap_is_failed_with_the_reason(
    db, archive_dir, settings
):
    settings.ARCHIVE_EXTRACTION_MAX_PAGES = 100
    document_file = waiting_file(content=make_shared_stream_pdf(pages=101, operators=10),
                                 mime_type=MIME["pdf"])

    tasks.extract_file.delay(document_file.pk).get()

    document_file.refresh_from_db()
    assert document_file.extraction_status == ExtractionStatus.FAILED
    assert document_file.extraction_error == (
        "Страниц: 101 — больше предела в 100 для документа архива; текст не прочитан."
    )


# --- Attempts ----------------------------------------------------------------------

def test_extract_file_counts_its_first_attempt(db, archive_dir):
    document_file = waiting_file()

    status = tasks.extract_file.delay(document_file.pk).get()

    document_file.refresh_from_db()
    assert status == ExtractionStatus.DONE
    assert document_file.extraction_attempts == 1
    assert document_file.extracted_text == RU_TEXT


def test_extract_file_interrupted_twice_is_tried_a_third_time(db, archive_dir):
    # "running" at the start: the previous attempts never finished.
    document_file = waiting_file(status=ExtractionStatus.RUNNING, attempts=2)

    status = tasks.extract_file.delay(document_file.pk).get()

    document_file.refresh_from_db()
    assert status == ExtractionStatus.DONE
    assert document_file.extraction_attempts == 3
    assert document_file.extracted_text == RU_TEXT


def test_extract_file_interrupted_three_times_is_failed_without_a_fourth_attempt(
    db, archive_dir
):
    document_file = waiting_file(status=ExtractionStatus.RUNNING, attempts=3)

    status = tasks.extract_file.delay(document_file.pk).get()

    document_file.refresh_from_db()
    assert status == ExtractionStatus.FAILED
    assert document_file.extraction_status == ExtractionStatus.FAILED
    assert document_file.extraction_error == MSG_TOO_MANY_ATTEMPTS
    assert document_file.extraction_attempts == 3
    assert document_file.extracted_text == ""


def test_extract_file_redelivered_after_failing_three_times_is_not_tried_again(
    db, archive_dir
):
    document_file = waiting_file(status=ExtractionStatus.FAILED, attempts=3)

    tasks.extract_file.delay(document_file.pk).get()

    document_file.refresh_from_db()
    assert document_file.extraction_error == MSG_TOO_MANY_ATTEMPTS
    assert document_file.extracted_text == ""


def test_extract_file_queued_again_by_the_retry_action_counts_afresh(
    db, archive_dir, django_capture_on_commit_callbacks
):
    document_file = waiting_file(status=ExtractionStatus.FAILED, attempts=3)

    with django_capture_on_commit_callbacks(execute=True):
        services.document_files_retry_extraction(
            documents=type(document_file.document).objects.filter(pk=document_file.document_id)
        )

    document_file.refresh_from_db()
    assert document_file.extraction_status == ExtractionStatus.DONE
    assert document_file.extraction_attempts == 1


def test_extract_file_already_done_is_not_counted(db, archive_dir):
    document_file = DocumentFileFactory(extraction_attempts=1)

    status = tasks.extract_file.delay(document_file.pk).get()

    document_file.refresh_from_db()
    assert status == ExtractionStatus.DONE
    assert document_file.extraction_attempts == 1


def test_idempotent_tasks_are_acknowledged_late_and_redelivered_if_the_worker_dies():
    from almaty_portal.celery import ping

    redelivered = {
        name: (task.acks_late, bool(task.reject_on_worker_lost))
        for name, task in (
            ("extract_file", tasks.extract_file),
            ("index_document", tasks.index_document),
            ("delete_orphan_files", tasks.delete_orphan_files),
            ("fail_stuck_extractions", tasks.fail_stuck_extractions),
            ("ping", ping),
        )
    }

    assert redelivered == {
        "extract_file": (True, True),
        "index_document": (True, True),
        "delete_orphan_files": (True, False),
        "fail_stuck_extractions": (True, False),
        # Not idempotent tasks, by default: acknowledged when received.
        "ping": (False, False),
    }


# --- Stuck files ----------------------------------------------------------------------

def test_fail_stuck_extractions_fails_files_running_longer_than_the_limit(db, archive_dir):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        stuck = waiting_file(status=ExtractionStatus.RUNNING, attempts=1)
    with time_machine.travel(start + datetime.timedelta(minutes=20), tick=False):
        recent = waiting_file(status=ExtractionStatus.RUNNING, attempts=1)
        pending = waiting_file()

    with time_machine.travel(start + datetime.timedelta(minutes=31), tick=False):
        count = tasks.fail_stuck_extractions.delay().get()

    for document_file in (stuck, recent, pending):
        document_file.refresh_from_db()
    assert count == 1
    assert stuck.extraction_status == ExtractionStatus.FAILED
    assert stuck.extraction_error == MSG_STUCK
    assert recent.extraction_status == ExtractionStatus.RUNNING
    assert pending.extraction_status == ExtractionStatus.PENDING


def test_fail_stuck_extractions_times_the_last_change_not_the_upload(db, archive_dir):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        document_file = waiting_file(status=ExtractionStatus.FAILED, attempts=1)
    with time_machine.travel(start + datetime.timedelta(hours=5), tick=False):
        # Queued again and started hours after the upload.
        document_file.extraction_status = ExtractionStatus.RUNNING
        document_file.save()

    with time_machine.travel(start + datetime.timedelta(hours=5, minutes=10), tick=False):
        count = services.document_files_fail_stuck()

    document_file.refresh_from_db()
    assert count == 0
    assert document_file.extraction_status == ExtractionStatus.RUNNING


def test_stuck_file_swept_into_failed_is_retried_by_the_retry_action(
    db, archive_dir, django_capture_on_commit_callbacks
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        document_file = waiting_file(status=ExtractionStatus.RUNNING, attempts=1)
    with time_machine.travel(start + datetime.timedelta(hours=1), tick=False):
        services.document_files_fail_stuck()

    with django_capture_on_commit_callbacks(execute=True):
        queued = services.document_files_retry_extraction(
            documents=type(document_file.document).objects.filter(pk=document_file.document_id)
        )

    document_file.refresh_from_db()
    assert queued == 1
    assert document_file.extraction_status == ExtractionStatus.DONE


# --- Without Redis: after the response ---------------------------------------------------

@pytest.fixture
def in_background(settings):
    """Production without Redis: eager tasks whose errors do not propagate."""
    from almaty_portal.celery import app

    settings.ARCHIVE_EXTRACTION_IN_BACKGROUND = True
    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = True
    # Nothing of this test may still run when the next one starts.
    tasks.background_submit(lambda: None).result(timeout=60)


def test_upload_without_redis_returns_before_the_text_is_extracted(
    transactional_db, archive_dir, in_background
):
    staff = StaffUserFactory()
    document = DocumentFactory()
    # Hold the background thread, so that the upload's return is observed
    # before the extraction runs.
    release = threading.Event()
    tasks.background_submit(release.wait, 30)
    try:
        document_file = services.document_file_add(
            document=document, upload=upload("доклад.txt", TEXT), language="ru",
            uploaded_by=staff,
        )
        document_file.refresh_from_db()
    finally:
        release.set()

    assert document_file.extraction_status == ExtractionStatus.PENDING
    tasks.background_submit(lambda: None).result(timeout=60)
    document_file.refresh_from_db()
    assert document_file.extraction_status == ExtractionStatus.DONE
    assert document_file.extracted_text == RU_TEXT


def test_background_extraction_runs_while_an_eager_task_runs_in_another_thread(
    transactional_db, archive_dir, in_background, caplog
):
    """``make run``'s load_demo builds a briefing pack (an eager task) while
    extraction runs in the background thread; celery's "never call get()
    within a task" guard is process-wide, and used to fail the background
    work with an error in the log."""
    from celery.result import denied_join_result

    queued = waiting_file()

    with denied_join_result():  # what an eager task sets while it runs
        tasks.extract_file.delay(queued.pk)
        tasks.background_submit(lambda: None).result(timeout=60)

    queued.refresh_from_db()
    assert queued.extraction_status == ExtractionStatus.DONE
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == []


def test_background_extraction_fails_stuck_files_first(
    transactional_db, archive_dir, in_background
):
    start = timezone.now()
    with time_machine.travel(start - datetime.timedelta(hours=1), tick=False):
        stuck = waiting_file(status=ExtractionStatus.RUNNING, attempts=1)
    queued = waiting_file()

    tasks.extract_file.delay(queued.pk)
    tasks.background_submit(lambda: None).result(timeout=60)

    stuck.refresh_from_db()
    queued.refresh_from_db()
    assert stuck.extraction_status == ExtractionStatus.FAILED
    assert queued.extraction_status == ExtractionStatus.DONE


# --- Through Redis and the worker ----------------------------------------------------------

@pytest.mark.celery_worker
def test_extract_file_through_the_worker_extracts_and_counts_one_attempt(celery_worker):
    document_file = waiting_file()

    result = tasks.extract_file.delay(document_file.pk)

    assert result.get(timeout=60) == ExtractionStatus.DONE
    document_file.refresh_from_db()
    assert document_file.extraction_attempts == 1
    assert document_file.extracted_text == RU_TEXT
    document_file.file.delete(save=False)
