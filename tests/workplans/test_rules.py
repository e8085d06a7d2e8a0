"""The work plans' rules: a plan is agreed by a Senior Officials' Meeting
(never another kind) and is a draft until then; an activity's period lies
within its plan's year; no activity is added to a year already closed; a
state is named exactly when a state is responsible; every change is in the
audit history; the SOMs whose packs show a plan learn of its changes."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation

from briefings.enums import PackKind, PackStatus
from briefings.models import BriefingPack
from meetings.enums import MeetingKind
from tests.factories.briefings import pdf_bytes
from tests.factories.meetings import MeetingFactory
from tests.factories.workplans import ActivityFactory, DraftWorkPlanFactory, WorkPlanFactory
from workplans import services
from workplans.enums import ActivityStatus, Responsible, WorkPlanStatus
from workplans.models import Activity, WorkPlan

pytestmark = pytest.mark.django_db

D = datetime.date


def _errors(exc: ValidationError, language: str = "en") -> list[str]:
    """The error's messages read in ``language`` (they are lazy: read
    outside an override, they would be in the default language)."""
    with translation.override(language):
        return [str(message) for messages in exc.message_dict.values() for message in messages]


def test_plan_agreed_at_a_meeting_of_another_kind_is_refused():
    conference = MeetingFactory(kind=MeetingKind.MINISTERIAL, start=D(2024, 6, 1),
                                title_en="Ministerial Conference 2024")
    plan = WorkPlan(year=2025, status=WorkPlanStatus.AGREED, agreed_at=conference)

    with translation.override("en"), pytest.raises(ValidationError) as caught:
        services.workplan_save(plan=plan)

    assert _errors(caught.value) == [
        ("A work plan is agreed by a Senior Officials' Meeting; “Ministerial Conference 2024” "
        "is a meeting of another kind (Ministerial Conference).")]
    assert not WorkPlan.objects.exists()


def test_plan_agreed_without_its_meeting_is_refused():
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        services.workplan_save(plan=WorkPlan(year=2025, status=WorkPlanStatus.AGREED))

    assert _errors(caught.value) == [
        ("Choose the Senior Officials' Meeting that agreed the plan (a plan no meeting has "
        "agreed is a draft).")]


def test_draft_naming_the_meeting_that_agreed_it_is_refused():
    som = MeetingFactory(start=D(2024, 10, 15))

    with translation.override("en"), pytest.raises(ValidationError) as caught:
        services.workplan_save(plan=WorkPlan(year=2025, agreed_at=som))

    assert list(caught.value.message_dict) == ["status"]


def test_plan_agreed_by_a_meeting_years_before_is_refused():
    som = MeetingFactory(start=D(2020, 10, 15))

    with translation.override("en"), pytest.raises(ValidationError) as caught:
        services.workplan_save(plan=WorkPlan(year=2025, status=WorkPlanStatus.AGREED,
                                             agreed_at=som))

    assert _errors(caught.value) == [
        ("The work plan for 2025 is agreed by the Senior Officials' Meeting of 2024 (or, late, "
        "of 2025); this meeting was held in 2020.")]


def test_draft_agreed_by_its_som_becomes_agreed():
    plan = DraftWorkPlanFactory(year=2026)
    som = MeetingFactory(start=D(2025, 10, 15))

    services.workplan_agree(plan=plan, meeting=som)

    plan.refresh_from_db()
    assert (plan.status, plan.agreed_at) == (WorkPlanStatus.AGREED, som)


def test_activity_outside_the_plans_year_is_refused(kazakhstan):
    plan = WorkPlanFactory(year=2025)
    activity = Activity(plan=plan, title_ru="Семинар", title_en="Seminar",
                        responsible_state=kazakhstan,
                        starts_on=D(2025, 12, 1), ends_on=D(2026, 1, 15))

    with translation.override("en"), pytest.raises(ValidationError) as caught:
        services.activity_save(activity=activity)

    assert caught.value.message_dict == {
        "ends_on": ["The planned period lies within the plan's year, 2025."]}


def test_activity_ending_before_it_starts_is_refused(kazakhstan):
    plan = WorkPlanFactory(year=2025)
    activity = Activity(plan=plan, title_ru="Семинар", title_en="Seminar",
                        responsible_state=kazakhstan,
                        starts_on=D(2025, 5, 1), ends_on=D(2025, 4, 1))

    with translation.override("en"), pytest.raises(ValidationError) as caught:
        services.activity_save(activity=activity)

    assert "An activity cannot end before it starts." in _errors(caught.value)


def test_state_responsible_needs_the_state():
    plan = WorkPlanFactory(year=2025)
    activity = Activity(plan=plan, title_ru="Семинар", title_en="Seminar",
                        responsible=Responsible.STATE,
                        starts_on=D(2025, 5, 1), ends_on=D(2025, 5, 2))

    with translation.override("en"), pytest.raises(ValidationError) as caught:
        services.activity_save(activity=activity)

    with translation.override("en"):
        assert caught.value.message_dict["responsible_state"] == [
            "Choose the participant state responsible for the activity."]


def test_the_support_unit_responsible_names_no_state(kazakhstan):
    plan = WorkPlanFactory(year=2025)
    activity = Activity(plan=plan, title_ru="Обзор", title_en="Review",
                        responsible=Responsible.SUPPORT_UNIT, responsible_state=kazakhstan,
                        starts_on=D(2025, 5, 1), ends_on=D(2025, 5, 2))

    with pytest.raises(ValidationError) as caught:
        services.activity_save(activity=activity)

    assert list(caught.value.message_dict) == ["responsible_state"]


def test_activity_added_to_a_closed_year_is_refused_in_english(kazakhstan):
    plan = WorkPlanFactory(year=2024, status=WorkPlanStatus.CLOSED)
    activity = Activity(plan=plan, title_ru="Семинар", title_en="Seminar",
                        responsible_state=kazakhstan,
                        starts_on=D(2024, 5, 1), ends_on=D(2024, 5, 2))

    with translation.override("en"), pytest.raises(ValidationError) as caught:
        services.activity_save(activity=activity)

    assert _errors(caught.value) == [
        "The work plan for 2024 is closed: no activity can be added to it."]
    assert not Activity.objects.exists()


def test_activity_added_to_a_closed_year_is_refused_in_russian(kazakhstan):
    """Needs the lead's merge of var/i18n-pending/W.po."""
    plan = WorkPlanFactory(year=2024, status=WorkPlanStatus.CLOSED)
    activity = Activity(plan=plan, title_ru="Семинар", title_en="Seminar",
                        responsible_state=kazakhstan,
                        starts_on=D(2024, 5, 1), ends_on=D(2024, 5, 2))

    with translation.override("ru"), pytest.raises(ValidationError) as caught:
        services.activity_save(activity=activity)

    assert _errors(caught.value, "ru") == [
        "План работы на 2024 год закрыт: добавить в него мероприятие нельзя."]


def test_activity_moved_into_a_closed_year_is_refused():
    closed = WorkPlanFactory(year=2024, status=WorkPlanStatus.CLOSED)
    activity = ActivityFactory(plan=WorkPlanFactory(year=2025), starts_on=D(2025, 3, 1),
                               ends_on=D(2025, 3, 2))
    activity.plan = closed
    activity.plan_id = closed.pk
    activity.starts_on, activity.ends_on = D(2024, 3, 1), D(2024, 3, 2)

    with pytest.raises(ValidationError):
        services.activity_save(activity=activity)


def test_an_activity_of_a_closed_year_still_records_what_became_of_it():
    activity = ActivityFactory(plan=WorkPlanFactory(year=2024))
    services.workplan_close(plan=activity.plan)
    activity.refresh_from_db()

    activity.status = ActivityStatus.DONE
    services.activity_save(activity=activity, meetings=[MeetingFactory(start=D(2024, 3, 5))])

    activity.refresh_from_db()
    assert (activity.status, activity.meetings.count()) == (ActivityStatus.DONE, 1)


def test_changes_are_in_the_audit_history():
    activity = ActivityFactory(plan=WorkPlanFactory(year=2025))
    activity.status = ActivityStatus.UNDER_WAY
    services.activity_save(activity=activity)

    statuses = [row.status for row in activity.history.order_by("history_id")]
    assert statuses == [ActivityStatus.PLANNED, ActivityStatus.UNDER_WAY]
    assert activity.plan.history.count() == 1


def _built_pack(meeting) -> BriefingPack:
    pack = BriefingPack(meeting=meeting, kind=PackKind.BRIEFING, language="ru",
                        status=PackStatus.DONE, version=1, page_count=1)
    pack.file.save("built.pdf", ContentFile(pdf_bytes(1)), save=False)
    pack.save()
    return pack


def test_a_changed_activity_marks_the_packs_of_the_soms_that_show_it_out_of_date():
    """A SOM of 2025 shows the plan for 2026 (its draft) and the plan for
    2025 (the report); a SOM of 2023 shows neither."""
    som_2025 = MeetingFactory(start=D(2025, 10, 15))
    som_2026 = MeetingFactory(start=D(2026, 10, 15))
    som_2023 = MeetingFactory(start=D(2023, 10, 15))
    plan = DraftWorkPlanFactory(year=2026)
    packs = {meeting.pk: _built_pack(meeting) for meeting in (som_2025, som_2026, som_2023)}

    ActivityFactory(plan=plan)

    stale = {pk for pk, pack in packs.items()
             if BriefingPack.objects.get(pk=pack.pk).stale}
    assert stale == {som_2025.pk, som_2026.pk}


def test_a_plan_moved_to_another_year_marks_the_packs_of_both_years():
    som_2020 = MeetingFactory(start=D(2020, 10, 15))
    som_2025 = MeetingFactory(start=D(2025, 10, 15))
    plan = DraftWorkPlanFactory(year=2021)
    packs = [_built_pack(som_2020), _built_pack(som_2025)]

    plan.year = 2026
    services.workplan_save(plan=plan)

    assert [BriefingPack.objects.get(pk=p.pk).stale for p in packs] == [True, True]
