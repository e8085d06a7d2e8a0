import datetime

import pytest

from tests.factories.membership import (
    NationalCoordinatorFactory,
    ParticipantStateFactory,
    UserFactory,
)

D = datetime.date


@pytest.fixture
def kazakhstan():
    return ParticipantStateFactory(
        name_en="Kazakhstan", name_ru="Казахстан", name="Казахстан", iso2="KZ", iso3="KAZ",
        participant_since=D(2013, 1, 1),
    )


@pytest.fixture
def kyrgyzstan():
    return ParticipantStateFactory(
        name_en="Kyrgyzstan", name_ru="Кыргызстан", name="Кыргызстан", iso2="KG", iso3="KGZ",
        participant_since=D(2013, 1, 1),
    )


@pytest.fixture
def kaz_coordinator(kazakhstan):
    user = UserFactory(email="kaz@example.org")
    NationalCoordinatorFactory(state=kazakhstan, user=user, start=D(2020, 1, 1))
    return user
