"""Background work yields the CPU to the web: Celery's worker processes and
the archive's background thread (no Redis) run at BACKGROUND_NICENESS, so an
archive import does not halve the speed of the pages visitors are reading."""

import os
import threading
from pathlib import Path

import pytest

from archive.tasks import background_submit


def own_niceness() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


@pytest.mark.django_db  # the thread tidies its own database connections
def test_archive_background_thread_runs_below_the_web(settings):
    web = own_niceness()

    background = background_submit(own_niceness).result(timeout=30)

    assert background == max(web, settings.BACKGROUND_NICENESS)
    assert own_niceness() == web


@pytest.mark.celery_worker
def test_celery_worker_processes_run_below_the_web(celery_worker_process, settings):
    children = Path(f"/proc/{celery_worker_process.pid}/task/{celery_worker_process.pid}/children")
    pids = [int(pid) for pid in children.read_text().split()]

    assert pids
    assert {os.getpriority(os.PRIO_PROCESS, pid) for pid in pids} == {
        max(os.getpriority(os.PRIO_PROCESS, celery_worker_process.pid),
            settings.BACKGROUND_NICENESS)}
