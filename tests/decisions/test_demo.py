"""The register's demo: illustrative follow-up items on the conclusions of
the latest Senior Officials' Meeting held (Kazakhstan's demo coordinator
gets one), the 2013 decisions carried by the 2013 Operational Mechanism;
idempotent; the next SOM's pack reports on them."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.template.loader import render_to_string
from django.utils import translation

from chairmanship import demo as chairmanship_demo
from decisions import demo, panels
from decisions.enums import Responsible
from decisions.models import FollowUpItem
from meetings import demo as meetings_demo
from meetings.enums import MeetingKind, MeetingStatus
from meetings.models import Meeting, MeetingOutcome
from membership import demo as membership_demo
from tests.factories.archive import DocumentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

D = datetime.date
NOW = datetime.datetime(2026, 11, 30, 22, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))


@time_machine.travel(NOW, tick=False)
def test_demo_adds_illustrative_follow_up_once_and_the_next_pack_reports_it():
    membership_demo.load()
    chairmanship_demo.load()
    mechanism = DocumentFactory(slug="operational-mechanism-2013", date=D(2013, 6, 5))
    meetings_demo.load()

    first = demo.load()
    second = demo.load()

    items = list(FollowUpItem.objects.select_related("outcome__meeting", "state"))
    assert "3 illustrative follow-up item(s)" in first
    assert "0 illustrative follow-up item(s)" in second
    assert len(items) == 3
    assert all(item.illustrative for item in items)
    assert {item.outcome.meeting.kind for item in items} == {MeetingKind.SENIOR_OFFICIALS}
    assert [item.state.iso3 for item in items if item.responsible == Responsible.STATE] == [
        "KAZ"]
    assert all(item.due_on >= item.outcome.adopted_on for item in items)
    launch = MeetingOutcome.objects.filter(meeting__start__year=2013,
                                           meeting__kind=MeetingKind.MINISTERIAL)
    assert [list(outcome.documents.all()) for outcome in launch] == [[mechanism], [mechanism]]

    upcoming = Meeting.objects.filter(kind=MeetingKind.SENIOR_OFFICIALS,
                                      status=MeetingStatus.REGISTRATION_OPEN).get()
    with translation.override("en"):
        report = render_to_string(panels.PACK_TEMPLATE,
                                  panels.pack_context(user=None, meeting=upcoming))
    assert "Hold national consultations and inform the Support Unit of their results." in report
    assert "(illustrative)" in report
