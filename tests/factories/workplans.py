import datetime

import factory

from tests.factories.meetings import MeetingFactory
from tests.factories.membership import ParticipantStateFactory
from workplans.enums import ActivityStatus, Responsible, WorkPlanStatus
from workplans.models import Activity, WorkPlan


class WorkPlanFactory(factory.django.DjangoModelFactory):
    """The work plan for 2025, agreed at a Senior Officials' Meeting of
    October 2024 (``status=draft, agreed_at=None`` for a draft)."""

    class Meta:
        model = WorkPlan
        django_get_or_create = ("year",)

    year = 2025
    status = WorkPlanStatus.AGREED
    agreed_at = factory.SubFactory(
        MeetingFactory, start=factory.LazyAttribute(
            lambda o: datetime.date(o.factory_parent.year - 1, 10, 15)),
    )


class DraftWorkPlanFactory(WorkPlanFactory):
    year = 2026
    status = WorkPlanStatus.DRAFT
    agreed_at = None


class ActivityFactory(factory.django.DjangoModelFactory):
    """A Kazakhstan-led activity in March of its plan's year."""

    class Meta:
        model = Activity
        skip_postgeneration_save = True

    plan = factory.SubFactory(WorkPlanFactory)
    order = factory.Sequence(lambda n: n + 1)
    title_ru = factory.Sequence(lambda n: f"Региональный семинар № {n}")
    title_en = factory.Sequence(lambda n: f"Regional seminar no. {n}")
    title = factory.SelfAttribute("title_ru")
    responsible = Responsible.STATE
    responsible_state = factory.SubFactory(ParticipantStateFactory)
    starts_on = factory.LazyAttribute(lambda o: datetime.date(o.plan.year, 3, 1))
    ends_on = factory.LazyAttribute(lambda o: datetime.date(o.plan.year, 3, 31))
    status = ActivityStatus.PLANNED

    @factory.post_generation
    def objectives(self, create, extracted, **kwargs):
        if create and extracted:
            self.objectives.set(extracted)

    @factory.post_generation
    def meetings(self, create, extracted, **kwargs):
        if create and extracted:
            self.meetings.set(extracted)

    @factory.post_generation
    def documents(self, create, extracted, **kwargs):
        if create and extracted:
            self.documents.set(extracted)
