"""Without Redis (tasks eager, make run): the build runs after the request
in the archive's background thread, so the admin's page returns at once
and its progress bar moves."""

import threading

import pytest

from archive import tasks as archive_tasks
from briefings.enums import PackStatus
from briefings.services import pack_request


@pytest.fixture
def in_background(settings):
    from almaty_portal.celery import app

    settings.ARCHIVE_EXTRACTION_IN_BACKGROUND = True
    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = True
    archive_tasks.background_submit(lambda: None).result(timeout=60)


def test_without_redis_the_request_returns_before_the_pack_is_built(
    transactional_db, in_background, meeting, selected
):
    release = threading.Event()
    archive_tasks.background_submit(release.wait, 30)  # hold the background thread
    try:
        pack = pack_request(meeting=meeting, language="ru")
        pack.refresh_from_db()
        assert pack.status == PackStatus.QUEUED
    finally:
        release.set()

    archive_tasks.background_submit(lambda: None).result(timeout=60)
    pack.refresh_from_db()
    assert pack.status == PackStatus.DONE


def test_without_redis_changes_are_not_rebuilt_at_once_but_once_after_the_quiet_period(
    transactional_db, in_background, settings, meeting, selected
):
    """Issue 24, item 3: no build on every save; one build after the last change."""
    import time

    from tests.factories.meetings import AgendaItemFactory

    settings.BRIEFING_REBUILD_DEBOUNCE = 2
    pack = pack_request(meeting=meeting, language="ru")
    archive_tasks.background_submit(lambda: None).result(timeout=60)

    AgendaItemFactory(meeting=meeting, position=8)
    AgendaItemFactory(meeting=meeting, position=9)
    archive_tasks.background_submit(lambda: None).result(timeout=60)
    pack.refresh_from_db()
    assert (pack.status, pack.version, pack.stale) == (PackStatus.DONE, 1, True)

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (pack.stale or pack.status != PackStatus.DONE):
        time.sleep(0.2)
        pack.refresh_from_db()
    archive_tasks.background_submit(lambda: None).result(timeout=60)
    pack.refresh_from_db()
    assert (pack.status, pack.version, pack.stale) == (PackStatus.DONE, 2, False)
