"""Personal data is kept only for the retention period; which states
attended stays."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command

from meetings.models import Delegate, Delegation
from meetings.services.purge import delegates_purge
from meetings.services.registration import delegate_update
from tests.factories.meetings import DelegateFactory, DelegationFactory, MeetingFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def old_and_recent(staff):
    old = MeetingFactory(start=D(2020, 10, 1), end=D(2020, 10, 2))
    recent = MeetingFactory(start=D(2024, 10, 1), end=D(2024, 10, 2))
    old_delegation = DelegationFactory(meeting=old)
    delegate = DelegateFactory(delegation=old_delegation)
    DelegateFactory(delegation=old_delegation)
    delegate_update(delegate=delegate, user=staff, data={"position": "Minister"})
    DelegateFactory(delegation=DelegationFactory(meeting=recent))
    return old, recent, old_delegation


def test_purge_removes_delegates_and_their_history_keeps_attendance(old_and_recent):
    old, recent, old_delegation = old_and_recent

    result = delegates_purge(ended_before=D(2023, 1, 1))

    old_delegation.refresh_from_db()
    assert (result.delegations, result.delegates) == (1, 2)
    assert Delegate.objects.filter(meeting=old).count() == 0
    assert Delegate.history.filter(meeting_id=old.pk).count() == 0
    assert Delegate.objects.filter(meeting=recent).count() == 1
    assert (old_delegation.state_id is not None, old_delegation.purged_delegate_count) == (
        True, 2,
    )
    assert list(Delegation.objects.filter(meeting=old).values_list("state", flat=True)) == [
        old_delegation.state_id
    ]


def test_purge_twice_changes_nothing_more(old_and_recent):
    delegates_purge(ended_before=D(2023, 1, 1))

    again = delegates_purge(ended_before=D(2023, 1, 1))

    assert (again.delegations, again.delegates) == (0, 0)


@pytest.mark.dates
def test_purge_command_uses_the_retention_setting(old_and_recent, settings, capsys):
    import time_machine

    settings.MEETINGS_PERSONAL_DATA_RETENTION_DAYS = 365
    with time_machine.travel(datetime.datetime(2025, 12, 31, 20, 0, tzinfo=datetime.UTC)):
        call_command("purge_delegates")

    assert capsys.readouterr().out == (
        "removed 3 delegates from 2 delegations of meetings that ended more than 365 days ago\n"
    )


def test_purge_command_dry_run_removes_nothing(old_and_recent, capsys):
    call_command("purge_delegates", "--dry-run")

    assert Delegate.objects.count() == 3


def test_purge_deletes_the_note_verbale_file(staff, note_verbale, credentials_dir,
                                             django_capture_on_commit_callbacks):
    from meetings.services.registration import delegation_attach_credentials

    delegation = DelegationFactory(meeting=MeetingFactory(start=D(2020, 10, 1),
                                                          end=D(2020, 10, 2)))
    stored = delegation_attach_credentials(delegation=delegation, upload=note_verbale,
                                           user=staff)
    path = credentials_dir / stored.credentials.name

    with django_capture_on_commit_callbacks(execute=True):
        delegates_purge(ended_before=D(2023, 1, 1))

    delegation.refresh_from_db()
    assert (path.exists(), delegation.credentials_name) == (False, "")


def test_purge_task_returns_how_many_were_removed(old_and_recent, settings):
    from meetings.tasks import purge_delegates

    settings.MEETINGS_PERSONAL_DATA_RETENTION_DAYS = 1

    assert purge_delegates() == 3
