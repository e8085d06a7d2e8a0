"""core.tasking.send_on_commit: a service queues a task by its name, after
the commit, through the task's own apply_async (its options and base class
apply), without importing the tasks module."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from celery import shared_task
from django.db import transaction

from core.tasking import send_on_commit
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db

RUNS: list[tuple] = []


@shared_task(name="tests.core.record", bind=True)
def record(self, *args, **kwargs):
    RUNS.append((self.request.id, args, kwargs))
    return len(RUNS)


@pytest.fixture(autouse=True)
def _no_runs():
    RUNS.clear()
    yield
    RUNS.clear()


def test_send_on_commit_runs_the_task_by_name_once_committed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_on_commit("tests.core.record", args=[1, "a"], kwargs={"base_url": "http://h:8011"},
                       task_id="queued-id")
        assert RUNS == []

    assert RUNS == [("queued-id", (1, "a"), {"base_url": "http://h:8011"})]


def test_send_on_commit_of_a_rolled_back_write_queues_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                send_on_commit("tests.core.record", args=[1])
                raise RuntimeError("the write fails")
        except RuntimeError:
            pass

    assert (callbacks, RUNS) == ([], [])


def test_send_on_commit_of_an_unknown_name_fails_before_the_commit(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(KeyError):
        send_on_commit("tests.core.no_such_task", args=[1])

    assert callbacks == []


def test_task_named_imports_the_tasks_modules_a_web_process_has_not_loaded():
    """A web process has imported no app's tasks module (only a worker
    does, when it starts): the lookup by name loads them."""
    code = (
        "import sys, django; django.setup()\n"
        "from core.tasking import task_named\n"
        "before = 'meetings.tasks' in sys.modules\n"
        "task = task_named('meetings.send_registration_confirmation')\n"
        "print(before, task.name, 'meetings.tasks' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "almaty_portal.settings.test"},
    ).stdout
    assert out.split() == ["False", "meetings.send_registration_confirmation", "True"]
