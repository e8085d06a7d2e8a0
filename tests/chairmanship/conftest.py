import datetime

import pytest

from membership.enums import MembershipStatus
from tests.factories.membership import MembershipPeriodFactory, ParticipantStateFactory

LAUNCH = datetime.date(2013, 6, 5)


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
