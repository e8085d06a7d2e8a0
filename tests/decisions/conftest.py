import datetime

import pytest

from archive.enums import AccessLevel
from meetings.enums import MeetingKind, OutcomeKind
from tests.factories.meetings import MeetingFactory, MeetingOutcomeFactory
from tests.factories.membership import (
    NationalCoordinatorFactory,
    ParticipantStateFactory,
    StaffUserFactory,
    UserFactory,
)

D = datetime.date


@pytest.fixture
def kazakhstan():
    return ParticipantStateFactory(
        name_en="Kazakhstan", name_ru="Казахстан", iso2="KZ", iso3="KAZ",
        participant_since=D(2013, 1, 1),
    )


@pytest.fixture
def kyrgyzstan():
    return ParticipantStateFactory(
        name_en="Kyrgyzstan", name_ru="Кыргызстан", iso2="KG", iso3="KGZ",
        participant_since=D(2013, 1, 1),
    )


def coordinator_of(state):
    user = UserFactory()
    NationalCoordinatorFactory(state=state, user=user, email=user.email,
                               start=D(2020, 1, 1))
    return user


@pytest.fixture
def coordinator(kazakhstan):
    return coordinator_of(kazakhstan)


@pytest.fixture
def staff():
    return StaffUserFactory()


@pytest.fixture
def som_2024():
    return MeetingFactory(
        kind=MeetingKind.SENIOR_OFFICIALS, title_ru="Совещание старших должностных лиц 2024",
        title_en="Senior Officials' Meeting 2024", title="Совещание старших должностных лиц 2024",
        slug="som-2024", start=D(2024, 6, 11), end=D(2024, 6, 12),
    )


@pytest.fixture
def public_outcome(som_2024):
    return MeetingOutcomeFactory(
        meeting=som_2024, kind=OutcomeKind.DECISION, adopted_on=D(2024, 6, 12),
        text_ru="Совещание решило провести семинар по реинтеграции мигрантов.",
        text_en="The meeting decided to hold a seminar on the reintegration of migrants.",
        text="Совещание решило провести семинар по реинтеграции мигрантов.",
    )


@pytest.fixture
def restricted_outcome(som_2024):
    return MeetingOutcomeFactory(
        meeting=som_2024, kind=OutcomeKind.RECOMMENDATION, adopted_on=D(2024, 6, 12),
        access=AccessLevel.PARTICIPANTS,
        text_ru="Рекомендовать обмен данными о пограничных переходах.",
        text_en="Recommends exchanging data on border crossings.",
        text="Рекомендовать обмен данными о пограничных переходах.",
    )
