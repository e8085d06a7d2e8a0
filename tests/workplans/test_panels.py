"""The work plans on meetings' pages: a coordinator's dashboard lists their
own state's activities; a Senior Officials' Meeting's briefing pack has the
plan for the coming year and the report on the current one (rendered as
the pack renders its panels: ``{% meeting_panels "pack" meeting %}``)."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.template import Context, Template
from django.utils import translation

from archive.enums import AccessLevel
from meetings.enums import MeetingKind, MeetingStatus
from membership.permissions import roles_of
from tests.factories.archive import DocumentFactory
from tests.factories.meetings import MeetingFactory
from tests.factories.workplans import ActivityFactory, DraftWorkPlanFactory, WorkPlanFactory
from workplans.enums import ActivityStatus
from workplans.panels import dashboard_context

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

D = datetime.date
# Noon in Almaty, 1 March 2026.
NOW = datetime.datetime(2026, 3, 1, 7, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


# --- The coordinator's dashboard --------------------------------------------------------

def test_dashboard_lists_the_coordinators_state_activities_only(
        client, kazakhstan, kyrgyzstan, kaz_coordinator):
    plan = WorkPlanFactory(year=2026, agreed_at__start=D(2025, 10, 15))
    ActivityFactory(plan=plan, responsible_state=kazakhstan, title_en="Kazakh workshop")
    ActivityFactory(plan=plan, responsible_state=kyrgyzstan, title_en="Kyrgyz workshop")
    ActivityFactory(plan=DraftWorkPlanFactory(year=2027), responsible_state=kazakhstan,
                    title_en="Next year's draft item")
    ActivityFactory(plan=WorkPlanFactory(year=2024, agreed_at__start=D(2023, 10, 15)),
                    responsible_state=kazakhstan, title_en="Old item")
    client.force_login(kaz_coordinator)

    html = client.get("/en/registration/").content.decode()

    assert "Work plan activities of your state" in html
    assert "Kazakh workshop" in html
    assert "Next year&#x27;s draft item" in html
    assert "Kyrgyz workshop" not in html
    assert "Old item" not in html


def test_dashboard_of_a_coordinator_with_no_activity_has_no_panel(client, kaz_coordinator):
    client.force_login(kaz_coordinator)

    html = client.get("/en/registration/").content.decode()

    assert "Work plan activities of your state" not in html


# --- The SOM's briefing pack ------------------------------------------------------------

def _pack_section(meeting, language="en") -> str:
    with translation.override(language):
        return Template('{% load meetings %}{% meeting_panels "pack" meeting %}').render(
            Context({"meeting": meeting}))


@pytest.fixture
def som_2026():
    return MeetingFactory(start=D(2026, 10, 15), status=MeetingStatus.PLANNED)


def test_pack_of_a_som_has_the_draft_for_next_year_and_the_report_on_this_one(som_2026):
    current = WorkPlanFactory(year=2026, agreed_at__start=D(2025, 10, 15))
    ActivityFactory(plan=current, title_en="Seminar held", status=ActivityStatus.DONE)
    ActivityFactory(plan=current, title_en="Study postponed", status=ActivityStatus.POSTPONED)
    ActivityFactory(plan=DraftWorkPlanFactory(year=2027), title_en="Proposed training")

    section = _pack_section(som_2026)

    assert "Work plan for 2027: draft for discussion" in section
    assert "Proposed training" in section
    assert "Report on the work plan for 2026" in section
    assert "Done: 1; Postponed: 1" in section
    assert section.index("Seminar held") < section.index("Study postponed")


def test_pack_of_a_held_som_leaves_a_draft_out(som_2026):
    """The proceedings may be public: a plan not agreed is not shown."""
    som_2026.status = MeetingStatus.HELD
    WorkPlanFactory(year=2026, agreed_at__start=D(2025, 10, 15))
    ActivityFactory(plan=DraftWorkPlanFactory(year=2027), title_en="Proposed training")

    section = _pack_section(som_2026)

    assert "Proposed training" not in section
    assert "No work plan for 2027 can be shown yet." in section


def test_pack_shows_the_plan_the_som_agreed(som_2026):
    plan = WorkPlanFactory(year=2027, agreed_at=som_2026)
    ActivityFactory(plan=plan, title_en="Agreed training")

    section = _pack_section(som_2026)

    assert "Agreed training" in section
    assert "agreed" in section


def test_pack_lists_only_public_documents_of_the_report(som_2026):
    activity = ActivityFactory(plan=WorkPlanFactory(year=2026, agreed_at__start=D(2025, 10, 1)),
                               status=ActivityStatus.DONE)
    activity.documents.set([
        DocumentFactory(access=AccessLevel.PUBLIC, title_en="Public report"),
        DocumentFactory(access=AccessLevel.PARTICIPANTS, title_en="Restricted minutes"),
    ])

    section = _pack_section(som_2026)

    assert "Public report" in section
    assert "Restricted minutes" not in section


def test_pack_of_a_som_with_no_plan_for_its_years_has_no_work_plan_section(som_2026):
    WorkPlanFactory(year=2020, agreed_at__start=D(2019, 10, 15))

    assert "work-plans" not in _pack_section(som_2026)


def test_pack_of_another_kind_of_meeting_has_no_work_plan_section():
    ActivityFactory(plan=DraftWorkPlanFactory(year=2027), title_en="Proposed training")
    conference = MeetingFactory(kind=MeetingKind.MINISTERIAL, start=D(2026, 6, 1))

    assert "work-plans" not in _pack_section(conference)


@pytest.mark.parametrize("count", [1, 4])
def test_dashboard_panel_takes_one_query_however_many_activities(
        kazakhstan, kaz_coordinator, django_assert_num_queries, count):
    plan = WorkPlanFactory(year=2026, agreed_at__start=D(2025, 10, 15))
    for _ in range(count):
        ActivityFactory(plan=plan, responsible_state=kazakhstan,
                        objectives=[], meetings=[MeetingFactory(start=D(2026, 3, 1))])
    roles_of(kaz_coordinator)  # the roles are read once per request, before the panels

    with django_assert_num_queries(1):
        context = dashboard_context(user=kaz_coordinator)

    assert len(context["activities"]) == count
