import datetime

import pytest
import time_machine

from actionplan import demo
from actionplan.models import ActionProgress, Plan, ReportingRound
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import ParticipantStateFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]
D = datetime.date


def test_demo_loads_the_2012_plan_and_an_endorsed_round_once():
    ParticipantStateFactory(name_en="Kazakhstan", name="Казахстан", participant_since=D(2013, 1, 1))
    som = MeetingFactory(start=D(2024, 10, 15))

    with time_machine.travel(datetime.datetime(2025, 3, 1, 6, tzinfo=datetime.UTC)):
        demo.load()
        summary = demo.load()

    rr = ReportingRound.objects.get()
    assert (Plan.objects.get().version, rr.meeting, rr.endorsed) == (1, som, True)
    assert ActionProgress.objects.count() == 12  # three actions of each of four areas
    assert summary == "action plan: v1, 1 endorsed round (states reporting: 1)"
