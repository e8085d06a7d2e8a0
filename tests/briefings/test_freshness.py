"""A pack goes out of date when its contents change and is built again by
itself once they stop changing for the quiet period (issue 24, item 3):
the change's own message (debounced by its stamp) and beat's sweep. The
task is called directly, as the worker would once the countdown passed;
time is moved with time_machine."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from briefings import tasks
from briefings.enums import PackStatus
from briefings.models import BriefingPack
from briefings.services import pack_request
from tests.factories.meetings import AgendaItemFactory

from .helpers import build, text_of

pytestmark = pytest.mark.django_db

START = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.UTC)
QUIET = 180  # settings.BRIEFING_REBUILD_DEBOUNCE, set by the fixture


@pytest.fixture(autouse=True)
def quiet_period(settings):
    settings.BRIEFING_REBUILD_DEBOUNCE = QUIET


def change_agenda(meeting, capture, title="Дополнительный пункт"):
    """A change committed: the rebuild's message as the broker would get it."""
    with capture() as callbacks:
        AgendaItemFactory(meeting=meeting, position=9, title_ru=title)
    return callbacks


def stamp_of(pack) -> str:
    pack.refresh_from_db()
    return pack.changed_at.isoformat()


def test_a_change_marks_the_pack_out_of_date_and_does_not_rebuild_it_at_once(
    meeting, selected, django_capture_on_commit_callbacks
):
    with time_machine.travel(START, tick=False):
        pack = build(meeting, "ru", django_capture_on_commit_callbacks)
        callbacks = change_agenda(meeting, django_capture_on_commit_callbacks)
        for callback in callbacks:  # eager, as without Redis: the countdown waits
            callback()

    pack.refresh_from_db()
    assert (pack.stale, pack.status, pack.version, pack.changed_at) == (
        True, PackStatus.DONE, 1, START)


def test_the_pack_is_built_again_when_its_contents_stopped_changing(
    meeting, selected, django_capture_on_commit_callbacks
):
    with time_machine.travel(START, tick=False):
        pack = build(meeting, "ru", django_capture_on_commit_callbacks)
        change_agenda(meeting, django_capture_on_commit_callbacks)
    stamp = stamp_of(pack)

    with time_machine.travel(START + datetime.timedelta(seconds=QUIET + 1), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        queued = tasks.rebuild_stale_packs.apply(
            kwargs={"meeting_id": meeting.pk, "stamp": stamp}).get()

    pack.refresh_from_db()
    assert queued == [pack.pk]
    assert (pack.stale, pack.status, pack.version, pack.requested_by) == (
        False, PackStatus.DONE, 2, None)
    assert "Дополнительный пункт" in text_of(pack)


def test_a_further_change_pushes_the_rebuild_later(
    meeting, selected, django_capture_on_commit_callbacks
):
    with time_machine.travel(START, tick=False):
        pack = build(meeting, "ru", django_capture_on_commit_callbacks)
        change_agenda(meeting, django_capture_on_commit_callbacks, "Первое изменение")
    first = stamp_of(pack)
    with time_machine.travel(START + datetime.timedelta(seconds=QUIET - 10), tick=False):
        change_agenda(meeting, django_capture_on_commit_callbacks, "Второе изменение")
    second = stamp_of(pack)

    with time_machine.travel(START + datetime.timedelta(seconds=QUIET + 1), tick=False):
        assert tasks.rebuild_stale_packs.apply(
            kwargs={"meeting_id": meeting.pk, "stamp": first}).get() == []
    pack.refresh_from_db()
    assert (pack.stale, pack.status, pack.version) == (True, PackStatus.DONE, 1)

    with time_machine.travel(START + datetime.timedelta(seconds=2 * QUIET), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        assert tasks.rebuild_stale_packs.apply(
            kwargs={"meeting_id": meeting.pk, "stamp": second}).get() == [pack.pk]
    pack.refresh_from_db()
    assert (pack.stale, pack.version) == (False, 2)


def test_beat_rebuilds_packs_quiet_for_the_period_and_leaves_the_others(
    meeting, selected, django_capture_on_commit_callbacks
):
    """A lost message: beat's sweep finds the pack."""
    with time_machine.travel(START, tick=False):
        pack = build(meeting, "ru", django_capture_on_commit_callbacks)
        change_agenda(meeting, django_capture_on_commit_callbacks)

    with time_machine.travel(START + datetime.timedelta(seconds=QUIET - 1), tick=False):
        assert tasks.rebuild_stale_packs.apply().get() == []
    with time_machine.travel(START + datetime.timedelta(seconds=QUIET), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        assert tasks.rebuild_stale_packs.apply().get() == [pack.pk]

    pack.refresh_from_db()
    assert (pack.stale, pack.status, pack.version) == (False, PackStatus.DONE, 2)


def test_a_change_while_the_pack_is_built_leaves_it_out_of_date(
    meeting, selected, django_capture_on_commit_callbacks
):
    with time_machine.travel(START, tick=False), django_capture_on_commit_callbacks() as queued:
        pack = pack_request(meeting=meeting, language="ru")
    with time_machine.travel(START + datetime.timedelta(seconds=20), tick=False):
        # The change commits after the build read its contents (below, at +10 s).
        change_agenda(meeting, django_capture_on_commit_callbacks)
    with time_machine.travel(START + datetime.timedelta(seconds=10), tick=False):
        for callback in queued:
            callback()

    pack.refresh_from_db()
    assert (pack.status, pack.version, pack.stale) == (PackStatus.DONE, 1, True)


def test_a_rebuild_that_failed_is_not_retried_until_the_contents_change_again(
    meeting, selected, django_capture_on_commit_callbacks
):
    with time_machine.travel(START, tick=False):
        pack = build(meeting, "ru", django_capture_on_commit_callbacks)
        change_agenda(meeting, django_capture_on_commit_callbacks)
    BriefingPack.objects.filter(pk=pack.pk).update(
        status=PackStatus.FAILED, error="Boom", finished_at=START + datetime.timedelta(minutes=5))

    with time_machine.travel(START + datetime.timedelta(minutes=10), tick=False):
        assert tasks.rebuild_stale_packs.apply().get() == []
        change_agenda(meeting, django_capture_on_commit_callbacks, "Исправление")
    with time_machine.travel(START + datetime.timedelta(minutes=20), tick=False):
        assert tasks.rebuild_stale_packs.apply().get() == [pack.pk]


def test_a_pack_never_built_is_not_marked_nor_rebuilt(meeting, django_capture_on_commit_callbacks):
    pack = BriefingPack.objects.create(meeting=meeting, language="ru", status=PackStatus.FAILED)

    with django_capture_on_commit_callbacks() as callbacks:
        AgendaItemFactory(meeting=meeting)

    pack.refresh_from_db()
    assert (pack.stale, pack.changed_at, len(callbacks)) == (False, None, 0)
    assert tasks.rebuild_stale_packs.apply().get() == []


def test_marking_takes_one_query(meeting, django_assert_num_queries):
    from briefings.freshness import packs_mark_stale

    BriefingPack.objects.create(meeting=meeting, language="ru", status=PackStatus.DONE,
                                file="briefings/x.pdf", version=1)

    with django_assert_num_queries(1):
        assert packs_mark_stale(meeting_id=meeting.pk) == 1
    assert BriefingPack.objects.get().changed_at <= timezone.now()
