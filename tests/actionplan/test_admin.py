import datetime
import json

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplan.enums import RoundStatus
from actionplan.models import Action, Plan, ReportingRound
from tests.factories.actionplan import (
    ActionProgressFactory,
    EndorsedRoundFactory,
    ReportingRoundFactory,
)
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import StaffUserFactory

pytestmark = pytest.mark.django_db
D = datetime.date

CSV = (
    "area,area_title_ru,area_title_en,declaration_paragraphs,kind,heading_ru,heading_en,level,"
    "text_ru,text_en\n"
    "1,Границы,Borders,2;3,objective,,,,Укреплять сотрудничество,Strengthen cooperation\n"
    "1,Границы,Borders,2;3,action,Оперативный уровень,Operational level,operational,"
    "Создать механизмы,Set up mechanisms\n"
    "2,Процедуры,Procedures,1,result,,,,Доступ обеспечен,Access ensured\n"
)


@pytest.fixture
def admin_client(client):
    client.force_login(StaffUserFactory(is_superuser=True))
    return client


def test_import_of_a_csv_file_creates_the_plan(admin_client):
    upload = SimpleUploadedFile("plan.csv", CSV.encode(), content_type="text/csv")

    response = admin_client.post(reverse("admin:actionplan_plan_import"), {
        "file": upload, "version": 2, "title_ru": "План 2016", "title_en": "Plan 2016"})

    plan = Plan.objects.get(version=2)
    assert response.status_code == 302
    assert [(a.number, a.title_en, [p.number for p in a.declaration_paragraphs.all()])
            for a in plan.areas.order_by("number")] == [
        (1, "Borders", [2, 3]), (2, "Procedures", [1])]
    action = Action.objects.get(area__plan=plan)
    assert (action.heading_ru, action.level, action.text_en) == (
        "Оперативный уровень", "operational", "Set up mechanisms")


def test_import_of_a_json_file_creates_the_plan(admin_client):
    data = {"version": 5, "title": {"ru": "План", "en": "Plan"}, "areas": [
        {"number": 1, "title": {"ru": "Сфера", "en": "Area"},
         "objectives": [{"ru": "Цель", "en": "Objective"}]}]}
    upload = SimpleUploadedFile("plan.json", json.dumps(data).encode(),
                                content_type="application/json")

    admin_client.post(reverse("admin:actionplan_plan_import"), {"file": upload})

    assert Plan.objects.get(version=5).areas.get().objectives.get().text_en == "Objective"


def test_import_of_a_file_missing_english_shows_the_error(admin_client):
    bad = CSV.replace("Strengthen cooperation", "")
    upload = SimpleUploadedFile("plan.csv", bad.encode(), content_type="text/csv")

    response = admin_client.post(reverse("admin:actionplan_plan_import"), {
        "file": upload, "version": 2, "title_ru": "План", "title_en": "Plan"})

    assert response.status_code == 200
    assert "нужен текст и на русском, и на английском языке" in response.content.decode()
    assert Plan.objects.count() == 0


@pytest.mark.dates
def test_admin_opens_a_round_through_the_service(admin_client, plan):
    som = MeetingFactory(start=D(2030, 10, 15))

    with time_machine.travel(datetime.datetime(2030, 8, 1, 6, tzinfo=datetime.UTC)):
        admin_client.force_login(StaffUserFactory(is_superuser=True))  # a fresh session
        admin_client.post(reverse("admin:actionplan_reportinground_add"),
                          {"plan": plan.pk, "meeting": som.pk})
    rr = ReportingRound.objects.get()
    assert (rr.status, rr.opened_on) == (RoundStatus.OPEN, D(2030, 8, 1))


def test_admin_refuses_a_round_after_the_meeting_started(admin_client, plan):
    som = MeetingFactory(start=D(2020, 10, 15))

    response = admin_client.post(reverse("admin:actionplan_reportinground_add"),
                                 {"plan": plan.pk, "meeting": som.pk})

    assert response.status_code == 200
    assert "Раунд отчётности открывается до начала совещания." in response.content.decode()
    assert response.context["adminform"].form["meeting"].value() == str(som.pk)
    assert ReportingRound.objects.count() == 0


def test_admin_close_action_closes_the_round(admin_client, plan):
    rr = ReportingRoundFactory(plan=plan)

    admin_client.post(reverse("admin:actionplan_reportinground_changelist"),
                      {"action": "close_rounds", "_selected_action": [rr.pk]})

    rr.refresh_from_db()
    assert rr.status == RoundStatus.CLOSED


def test_endorse_action_says_it_dates_the_endorsement_today_and_publishes(admin_client, plan):
    ReportingRoundFactory(plan=plan)

    html = admin_client.get("/en/admin/actionplan/reportinground/").content.decode()

    assert ('<option value="endorse_rounds">Mark endorsed by the Senior Officials&#x27; Meeting '
            "(dated today) and publish the progress</option>") in html


@pytest.mark.parametrize("rows", [1, 3])
def test_progress_changelist_query_count(admin_client, django_assert_num_queries, plan,
                                         kazakhstan, rows):
    rr = EndorsedRoundFactory(plan=plan)
    for action in Action.objects.all()[:rows]:
        ActionProgressFactory(round=rr, action=action, state=kazakhstan)
    url = reverse("admin:actionplan_actionprogress_changelist")
    admin_client.get(url)

    with django_assert_num_queries(8):
        admin_client.get(url)


@pytest.mark.parametrize("name", ["plan", "area", "reportinground", "actionprogress", "action"])
def test_admin_changelists_open(admin_client, plan, name):
    assert admin_client.get(reverse(f"admin:actionplan_{name}_changelist")).status_code == 200
