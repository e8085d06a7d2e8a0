import datetime

import pytest
from django.contrib.auth.models import Group

from membership.permissions import SECRETARIAT_ADMINISTRATORS, SECRETARIAT_EDITORS
from tests.factories.membership import (
    MembershipPeriodFactory,
    NationalCoordinatorFactory,
    ParticipantStateFactory,
    StaffUserFactory,
    UserFactory,
)

D = datetime.date


@pytest.fixture
def kazakhstan():
    return ParticipantStateFactory(name_en="Kazakhstan", name_ru="Казахстан", name="Казахстан",
                                   iso2="KZ", iso3="KAZ", participant_since=D(2013, 1, 1))


@pytest.fixture
def kyrgyzstan():
    return ParticipantStateFactory(name_en="Kyrgyzstan", name_ru="Кыргызстан",
                                   name="Кыргызстан", iso2="KG", iso3="KGZ",
                                   participant_since=D(2013, 1, 1))


@pytest.fixture
def newcomer():
    """A state that became a participant only in 2026."""
    state = ParticipantStateFactory(name_en="Newland", name_ru="Новляндия", name="Новляндия",
                                    iso2="NL", iso3="QNL", participant_since=False)
    MembershipPeriodFactory(state=state, status="participant", start=D(2026, 3, 1), end=None)
    return state


def _member(name):
    user = StaffUserFactory()
    user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def administrator():
    return _member(SECRETARIAT_ADMINISTRATORS)


@pytest.fixture
def editor():
    return _member(SECRETARIAT_EDITORS)


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def coordinator_of(state):
    user = UserFactory()
    NationalCoordinatorFactory(state=state, user=user, email=user.email)
    return user
