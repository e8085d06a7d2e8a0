import datetime

import pytest
import time_machine
from django.utils import translation

from membership import services
from membership.enums import MembershipStatus
from tests.factories.membership import ParticipantStateFactory, UserFactory

D = datetime.date
LAUNCH = D(2013, 6, 5)
KAZ_START = D(2019, 3, 1)
PASSWORD = "correct-horse-battery"  # UserFactory's
# 22:30 UTC on 10 May 2024 is 03:30 on 11 May in Almaty: a test that took a
# UTC date for the portal's "today" would be a day off here.
LATE_EVENING_UTC = datetime.datetime(2024, 5, 10, 22, 30, tzinfo=datetime.UTC)


@pytest.fixture
def late_evening_utc():
    """For tests whose outcome depends on today's date (who is in office,
    a state's current status): the clock stops at a late-evening UTC time,
    the hours when the UTC and Almaty dates differ. Mark them ``dates``."""
    with time_machine.travel(LATE_EVENING_UTC, tick=False):
        yield


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def make_state():
    """A state with translated names, a participant since 2013 unless told."""

    def make(iso3: str, name_ru: str, name_en: str, *, since=LAUNCH):
        return ParticipantStateFactory(
            iso3=iso3, iso2=iso3[:2], name_ru=name_ru, name_en=name_en, name=name_ru,
            participant_since=since,
        )

    return make


@pytest.fixture
def kazakhstan(make_state):
    return make_state("KAZ", "Казахстан", "Kazakhstan")


@pytest.fixture
def kyrgyzstan(make_state):
    return make_state("KGZ", "Кыргызстан", "Kyrgyzstan")


def appoint(state, *, start=KAZ_START, name=("Айгерим Тестова", "Aigerim Testova"),
            user=None, **fields):
    return services.coordinator_appoint(
        state=state, start=start, full_name_ru=name[0], full_name_en=name[1], user=user,
        **{
            "position_ru": "Главный советник", "position_en": "Senior Adviser",
            "agency_ru": "Министерство иностранных дел", "agency_en": "Ministry of Foreign Affairs",
            "email": "coordinator.kaz@example.org", "phone": "+7 717 200 00 05",
            **fields,
        },
    )


@pytest.fixture
def kaz_coordinator_user(kazakhstan):
    """A signed-up user who is Kazakhstan's coordinator in office."""
    user = UserFactory(email="aigerim@example.org", full_name="Айгерим Тестова")
    appoint(kazakhstan, user=user)
    return user


@pytest.fixture
def kgz_coordinator(kyrgyzstan):
    return appoint(
        kyrgyzstan, name=("Нургуль Образцова", "Nurgul Obraztsova"),
        email="coordinator.kgz@example.org", phone="+996 312 00 00 07",
        agency_ru="Государственная миграционная служба", agency_en="State Migration Service",
    )


@pytest.fixture
def pending_state(make_state):
    state = make_state("IRN", "Иран", "Iran", since=False)
    services.membership_change_status(
        state=state, status=MembershipStatus.PENDING, start=D(2013, 6, 5),
        deadline=D(2013, 8, 31),
    )
    return state
