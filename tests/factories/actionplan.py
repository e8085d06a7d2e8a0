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
from actionplan.seed_2012 import PLAN
from actionplan.services import plan_load
from membership.models import ParticipantState
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


def plan_2012_with_an_answered_round(*, meeting) -> ReportingRound:
    """The 2012 plan as `actionplan_load_2012` loads it (framework, sub-
    headings, good practices) and a round endorsed at ``meeting`` in which
    eight states (Kazakhstan among them, if it exists) answered the first
    three actions of each area: the plan and progress pages as a reader
    sees them, wide, not their empty states."""
    plan = plan_load(data=PLAN)
    states = [
        ParticipantStateFactory(iso3=iso3, iso2=iso2, name_ru=name_ru, name_en=name_en)
        for iso3, iso2, name_ru, name_en in (
            ("AFG", "AF", "Афганистан", "Afghanistan"),
            ("AZE", "AZ", "Азербайджан", "Azerbaijan"), ("IRN", "IR", "Иран", "Iran"),
            ("KGZ", "KG", "Кыргызская Республика", "Kyrgyz Republic"),
            ("PAK", "PK", "Пакистан", "Pakistan"), ("TJK", "TJ", "Таджикистан", "Tajikistan"),
            ("TUR", "TR", "Турция", "Türkiye"),
        )
    ]
    states += list(ParticipantState.objects.filter(iso3="KAZ"))
    reporting_round = EndorsedRoundFactory(plan=plan, meeting=meeting)
    actions = [action for area in plan.areas.order_by("number")
               for action in area.actions.order_by("order")[:3]]
    statuses = list(ProgressStatus.values)
    for s_index, state in enumerate(states):
        for a_index, action in enumerate(actions):
            ActionProgressFactory(round=reporting_round, action=action, state=state,
                                  status=statuses[(s_index + a_index) % len(statuses)],
                                  timeline="2024–2026")
    return reporting_round
