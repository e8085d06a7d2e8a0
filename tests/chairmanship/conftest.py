import datetime

import pytest
import time_machine

from membership.enums import MembershipStatus
from tests.factories.membership import MembershipPeriodFactory, ParticipantStateFactory

LAUNCH = datetime.date(2013, 6, 5)

# 21:30 UTC on 30 November is already 1 December in Almaty (UTC+5): the hour
# at which a test that mixes a UTC date with the portal's date goes wrong.
LATE_EVENING_UTC = datetime.datetime(2026, 11, 30, 21, 30, tzinfo=datetime.UTC)
ALMATY_DATE_THEN = datetime.date(2026, 12, 1)


@pytest.fixture
def late_evening_utc():
    """Time frozen at LATE_EVENING_UTC, for tests that depend on today's date
    (mark them ``@pytest.mark.dates``)."""
    with time_machine.travel(LATE_EVENING_UTC, tick=False):
        yield


@pytest.fixture
def make_state():
    """A state by English name, a participant since 2013 unless told otherwise."""

    def make(name_en: str, *, since: datetime.date | bool = datetime.date(2013, 1, 1)):
        return ParticipantStateFactory(name_en=name_en, participant_since=since)

    return make


@pytest.fixture
def pending_state(make_state):
    """A state pending (no-objection procedure) with no end in sight."""

    def make(name_en: str, *, since: datetime.date = datetime.date(2013, 1, 1)):
        state = make_state(name_en, since=False)
        MembershipPeriodFactory(
            state=state, status=MembershipStatus.PENDING, start=since, end=None,
            deadline=datetime.date(2030, 1, 1),
        )
        return state

    return make
