"""The work plans in the sitemap (agreed plans only, in both languages)
and the demo's plans."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from actionplan import demo as actionplan_demo
from meetings.enums import MeetingStatus
from tests.archive.views.conftest import parse_xml
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import ParticipantStateFactory
from tests.factories.workplans import DraftWorkPlanFactory, WorkPlanFactory
from workplans import demo
from workplans.enums import WorkPlanStatus
from workplans.models import Activity, WorkPlan

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_the_years_page_and_agreed_plans_not_drafts(client):
    WorkPlanFactory(year=2025)
    DraftWorkPlanFactory(year=2026)

    response = client.get("/sitemap-workplans.xml")

    root = parse_xml(response.content)
    locations = sorted(url.findtext("s:loc", namespaces=NS) for url in root.findall("s:url", NS))
    assert locations == [
        "http://testserver/en/work-plans/", "http://testserver/en/work-plans/2025/",
        "http://testserver/ru/work-plans/", "http://testserver/ru/work-plans/2025/",
    ]


def test_demo_loads_a_plan_per_som_once_and_marks_what_it_invents():

    ParticipantStateFactory(name_en="Kazakhstan", iso3="KAZ",
                            participant_since=datetime.date(2013, 1, 1))
    MeetingFactory(start=datetime.date(2024, 10, 15))
    MeetingFactory(start=datetime.date(2025, 10, 15))
    MeetingFactory(start=datetime.date(2026, 1, 20), status=MeetingStatus.PLANNED)

    with time_machine.travel(datetime.datetime(2025, 11, 1, 6, tzinfo=datetime.UTC)):
        actionplan_demo.load()
        demo.load()
        summary = demo.load()

    plans = {plan.year: plan.status for plan in WorkPlan.objects.all()}
    assert plans == {2025: WorkPlanStatus.AGREED, 2026: WorkPlanStatus.AGREED,
                     2027: WorkPlanStatus.DRAFT}
    assert summary == "work plans: 3 (2 agreed, 0 closed, 1 draft), 12 activities (0 new)"
    assert set(WorkPlan.objects.values_list("illustrative", flat=True)) == {True}
    # The activities taken from the 2012 plan keep its wording and objective;
    # the others are marked.
    from_the_plan = Activity.objects.filter(illustrative=False)
    assert from_the_plan.count() == 6
    assert all(activity.objectives.count() == 1 for activity in from_the_plan)
    assert Activity.objects.filter(illustrative=True).count() == 6


def test_demo_closes_a_plan_once_its_year_is_over():

    MeetingFactory(start=datetime.date(2023, 10, 15))
    with time_machine.travel(datetime.datetime(2024, 3, 1, 6, tzinfo=datetime.UTC)):
        demo.load()
    with time_machine.travel(datetime.datetime(2025, 3, 1, 6, tzinfo=datetime.UTC)):
        demo.load()

    assert WorkPlan.objects.get().status == WorkPlanStatus.CLOSED
