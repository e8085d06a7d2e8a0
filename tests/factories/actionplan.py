import datetime

import factory

from actionplan.enums import PlanStatus, ProgressStatus, RoundStatus
from actionplan.models import (
    Action,
    ActionProgress,
    Area,
    ExpectedResult,
    GoodPractice,
    Objective,
    Plan,
    ProgressNote,
    ReportingRound,
)
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import ParticipantStateFactory


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    version = factory.Sequence(lambda n: n + 1)
    title_ru = factory.Sequence(lambda n: f"Региональный план действий {n}")
    title_en = factory.Sequence(lambda n: f"Regional Action Plan {n}")
    title = factory.SelfAttribute("title_ru")
    status = PlanStatus.DRAFT
    adopted_on = datetime.date(2012, 9, 7)


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n % 9 + 1)
    title_ru = factory.Sequence(lambda n: f"Сфера {n}")
    title_en = factory.Sequence(lambda n: f"Area {n}")
    title = factory.SelfAttribute("title_ru")


class _ItemFactory(factory.django.DjangoModelFactory):
    area = factory.SubFactory(AreaFactory)
    order = factory.Sequence(lambda n: n + 1)
    text_ru = factory.Sequence(lambda n: f"Текст {n}")
    text_en = factory.Sequence(lambda n: f"Text {n}")
    text = factory.SelfAttribute("text_ru")


class ObjectiveFactory(_ItemFactory):
    class Meta:
        model = Objective


class ActionFactory(_ItemFactory):
    class Meta:
        model = Action

    text_ru = factory.Sequence(lambda n: f"Действие {n}")
    text_en = factory.Sequence(lambda n: f"Action {n}")


class ExpectedResultFactory(_ItemFactory):
    class Meta:
        model = ExpectedResult


class GoodPracticeFactory(_ItemFactory):
    class Meta:
        model = GoodPractice


class ReportingRoundFactory(factory.django.DjangoModelFactory):
    """An open round before a Senior Officials' Meeting of October 2024."""

    class Meta:
        model = ReportingRound

    plan = factory.SubFactory(PlanFactory)
    meeting = factory.SubFactory(MeetingFactory)
    status = RoundStatus.OPEN
    opened_on = datetime.date(2024, 8, 1)


class EndorsedRoundFactory(ReportingRoundFactory):
    status = RoundStatus.CLOSED
    closed_on = datetime.date(2024, 10, 1)
    endorsed = True
    endorsed_on = datetime.date(2024, 10, 16)


class ActionProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionProgress

    round = factory.SubFactory(ReportingRoundFactory)
    action = factory.SubFactory(ActionFactory)
    state = factory.SubFactory(ParticipantStateFactory)
    status = ProgressStatus.IN_PROGRESS


class ProgressNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressNote

    progress = factory.SubFactory(ActionProgressFactory)
    date = datetime.date(2024, 9, 1)
    text = factory.Sequence(lambda n: f"Заметка {n}")
