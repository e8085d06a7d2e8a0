import datetime

import pytest

from actionplan.enums import ProgressStatus
from actionplan.models import Action
from tests.factories.actionplan import (
    ActionFactory,
    ActionProgressFactory,
    AreaFactory,
    EndorsedRoundFactory,
    PlanFactory,
)
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


@pytest.fixture
def kgz_coordinator(kyrgyzstan):
    user = UserFactory(email="kgz@example.org")
    NationalCoordinatorFactory(state=kyrgyzstan, user=user, start=D(2020, 1, 1))
    return user


@pytest.fixture
def plan():
    """A plan of two areas: area I with two actions, area II with one."""
    plan = PlanFactory(version=1)
    first = AreaFactory(plan=plan, number=1, title_ru="Управление границами",
                        title_en="Border management")
    second = AreaFactory(plan=plan, number=2, title_ru="Процедуры", title_en="Procedures")
    ActionFactory(area=first, order=1, text_ru="Создать механизмы", text_en="Set up mechanisms")
    ActionFactory(area=first, order=2, text_ru="Провести тренинги", text_en="Hold trainings")
    ActionFactory(area=second, order=1, text_ru="Пересмотреть законы", text_en="Review laws")
    return plan


@pytest.fixture
def endorsed(plan, kazakhstan, kyrgyzstan):
    """Hand-counted: Kazakhstan done 2, in progress 1; Kyrgyzstan done 1,
    not applicable 1 and no answer for the third action."""
    rr = EndorsedRoundFactory(plan=plan)
    a1, a2, a3 = Action.objects.order_by("area__number", "order")
    for action, state, status in [
        (a1, kazakhstan, ProgressStatus.DONE), (a2, kazakhstan, ProgressStatus.DONE),
        (a3, kazakhstan, ProgressStatus.IN_PROGRESS), (a1, kyrgyzstan, ProgressStatus.DONE),
        (a2, kyrgyzstan, ProgressStatus.NOT_APPLICABLE),
    ]:
        ActionProgressFactory(round=rr, action=action, state=state, status=status)
    return rr
