"""The secretariat's admin of the work plans: a plan with its activities
inline; a refused plan or activity comes back with its error and the
input kept."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from meetings.enums import MeetingKind
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import StaffUserFactory
from tests.factories.workplans import ActivityFactory, WorkPlanFactory
from workplans.enums import WorkPlanStatus
from workplans.models import Activity, WorkPlan

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def admin_client(client):
    client.force_login(StaffUserFactory(is_superuser=True))
    return client


def _plan_data(*, year, status, agreed_at, activities=(), initial=0, extra=None):
    data = {
        "year": str(year), "status": status, "agreed_at": str(agreed_at.pk) if agreed_at else "",
        "introduction_ru": "", "introduction_en": "",
        "activities-TOTAL_FORMS": str(initial + len(activities)),
        "activities-INITIAL_FORMS": str(initial),
        "activities-MIN_NUM_FORMS": "0", "activities-MAX_NUM_FORMS": "1000",
    }
    for index, activity in enumerate(activities, start=initial):
        for key, value in activity.items():
            data[f"activities-{index}-{key}"] = value
    data.update(extra or {})
    return data


def _activity(state, *, year=2025, title_ru="Семинар по визовым вопросам",
              title_en="Seminar on visas"):
    return {
        "order": "1", "title_ru": title_ru, "title_en": title_en,
        "description_ru": "", "description_en": "", "responsible": "state",
        "responsible_state": str(state.pk), "starts_on": f"{year}-04-01",
        "ends_on": f"{year}-04-02", "theme": "", "status": "planned",
    }


def test_admin_adds_a_plan_with_its_activities(admin_client, kazakhstan):
    som = MeetingFactory(start=D(2024, 10, 15))

    response = admin_client.post(reverse("admin:workplans_workplan_add"), _plan_data(
        year=2025, status=WorkPlanStatus.AGREED, agreed_at=som,
        activities=[_activity(kazakhstan)]))

    assert response.status_code == 302
    plan = WorkPlan.objects.get()
    assert (plan.agreed_at, [a.title_en for a in plan.activities.all()]) == (
        som, ["Seminar on visas"])


def test_admin_refuses_a_plan_agreed_at_a_ministerial_conference_and_keeps_the_input(
        admin_client, kazakhstan):
    conference = MeetingFactory(kind=MeetingKind.MINISTERIAL, start=D(2024, 6, 1),
                                title_ru="Министерская конференция 2024 г.")

    response = admin_client.post(reverse("admin:workplans_workplan_add"), _plan_data(
        year=2025, status=WorkPlanStatus.AGREED, agreed_at=conference,
        activities=[_activity(kazakhstan)]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Министерская конференция 2024 г." in html
    assert 'value="Seminar on visas"' in html
    assert 'value="2025"' in html
    assert not WorkPlan.objects.exists()


def test_admin_refuses_an_activity_added_to_a_closed_year_and_keeps_the_input(
        admin_client, kazakhstan):
    plan = WorkPlanFactory(year=2024, status=WorkPlanStatus.CLOSED)

    with translation.override("en"):
        path = reverse("admin:workplans_workplan_change", args=[plan.pk])

    response = admin_client.post(path, _plan_data(
        year=2024, status=WorkPlanStatus.CLOSED, agreed_at=plan.agreed_at,
        activities=[_activity(kazakhstan, year=2024, title_en="Late addition")]))

    html = response.content.decode()
    assert response.status_code == 200
    assert not Activity.objects.exists()
    assert 'value="Late addition"' in html
    assert "The work plan for 2024 is closed: no activity can be added to it." in html


def test_admin_refuses_an_activity_outside_the_plans_year(admin_client, kazakhstan):
    plan = WorkPlanFactory(year=2025)

    response = admin_client.post(
        reverse("admin:workplans_workplan_change", args=[plan.pk]),
        _plan_data(year=2025, status=WorkPlanStatus.AGREED, agreed_at=plan.agreed_at,
                   activities=[_activity(kazakhstan, year=2026, title_en="Next year")]))

    assert response.status_code == 200
    assert not Activity.objects.exists()
    assert 'value="Next year"' in response.content.decode()


def test_admin_lists_activities_across_years(admin_client, kazakhstan):
    ActivityFactory(plan=WorkPlanFactory(year=2025), title_ru="Первое",
                    responsible_state=kazakhstan)
    ActivityFactory(plan=WorkPlanFactory(year=2024), title_ru="Второе",
                    responsible_state=kazakhstan)

    html = admin_client.get(reverse("admin:workplans_activity_changelist")).content.decode()

    assert "Первое" in html
    assert "Второе" in html
