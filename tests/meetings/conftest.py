import datetime

import pytest
from django.contrib.auth.models import Group

from chairmanship.enums import ChairmanshipBasis
from chairmanship.services import chairmanship_create
from membership.permissions import SECRETARIAT_EDITORS
from tests.factories.membership import ParticipantStateFactory, StaffUserFactory

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


@pytest.fixture
def terms(kazakhstan, kyrgyzstan):
    """Kazakhstan elected in 2013 (5 June 2013 – 4 June 2015), then
    Kyrgyzstan by rotation (5 June 2015 – 4 June 2017)."""
    first = chairmanship_create(
        state=kazakhstan, start=D(2013, 6, 5), basis=ChairmanshipBasis.ELECTED,
        representative_name_ru="Айгерим Сапарова", representative_name_en="Aigerim Saparova",
    )
    second = chairmanship_create(
        state=kyrgyzstan, start=D(2015, 6, 5), basis=ChairmanshipBasis.ROTATION,
    )
    return first, second


@pytest.fixture
def editor(client):
    """A secretariat editor (staff, in the editors' group), logged in."""
    user = StaffUserFactory()
    user.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    client.force_login(user)
    return user
