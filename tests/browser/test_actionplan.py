"""A national coordinator signs in and reports their state's progress in
Russian on the open round's form, which shows last round's answers; the
public then reads the plan in Russian. Chromium, strict CSP."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from actionplan.enums import NoteVisibility, ProgressStatus
from actionplan.models import Action, ActionProgress, ProgressNote
from tests.factories.actionplan import (
    ActionFactory,
    ActionProgressFactory,
    AreaFactory,
    EndorsedRoundFactory,
    PlanFactory,
    ReportingRoundFactory,
)
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import (
    NationalCoordinatorFactory,
    ParticipantStateFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = datetime.date
PASSWORD = "correct-horse-battery"  # UserFactory's


@pytest.fixture
def kazakhstan_round():
    state = ParticipantStateFactory(
        iso2="KZ", iso3="KAZ", name_ru="Казахстан", name_en="Kazakhstan", name="Казахстан",
        participant_since=D(2013, 1, 1),
    )
    user = UserFactory(email="coordinator.kaz@example.org")
    NationalCoordinatorFactory(state=state, user=user, start=D(2020, 1, 1))
    plan = PlanFactory(version=1)
    area = AreaFactory(plan=plan, number=1, title_ru="Управление границами",
                       title_en="Border management")
    first = ActionFactory(area=area, order=1, text_ru="Создать механизмы сбора данных",
                          text_en="Set up data collection mechanisms")
    ActionFactory(area=area, order=2, text_ru="Провести тренинги", text_en="Hold trainings")
    last = EndorsedRoundFactory(plan=plan, opened_on=D(2023, 8, 1),
                                meeting=MeetingFactory(start=D(2023, 10, 15)))
    ActionProgressFactory(round=last, action=first, state=state,
                          status=ProgressStatus.IN_PROGRESS, timeline="2023–2025")
    return ReportingRoundFactory(plan=plan, opened_on=D(2024, 8, 1)), first, state


def test_coordinator_reports_progress_in_russian(live_server, page: Page, kazakhstan_round):
    reporting_round, action, state = kazakhstan_round
    console_errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and console_errors.append(m.text))
    page.goto(f"{live_server.url}/ru/accounts/login/")
    page.locator("input[name=username]").fill("coordinator.kaz@example.org")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Войти").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Войти")

    page.goto(f"{live_server.url}/ru/action-plan/report/")

    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Казахстан")
    group = page.get_by_role("group", name="I.1 Создать механизмы сбора данных")
    expect(group).to_contain_text("Прошлый раунд: Выполняется; 2023–2025")
    group.get_by_label("Статус").select_option(label="Выполнено")
    group.get_by_label("Ответственный национальный орган").fill("Министерство внутренних дел")
    group.get_by_label("Новая запись о ходе выполнения").fill("Механизм создан в мае")
    group.get_by_label("Кто может читать запись").select_option(label="Для всех")
    page.get_by_role("button", name="Сохранить ход выполнения моего государства").click()

    expect(page.get_by_text("Ход выполнения вашего государства сохранён.")).to_be_visible()
    saved = ActionProgress.objects.get(round=reporting_round, action=action)
    assert (saved.state, saved.status, saved.responsible_body) == (
        state, ProgressStatus.DONE, "Министерство внутренних дел")
    assert list(ProgressNote.objects.values_list("text", "visibility")) == [
        ("Механизм создан в мае", NoteVisibility.PUBLIC)]
    assert Action.objects.count() == 2
    assert console_errors == []


def test_public_reads_the_plan_in_russian(live_server, page: Page, kazakhstan_round):
    console_errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and console_errors.append(m.text))
    page.goto(f"{live_server.url}/ru/action-plan/")

    expect(page.get_by_role("heading", level=2, name="I. Управление границами")).to_be_visible()
    expect(page.get_by_text("Создать механизмы сбора данных")).to_be_visible()
    page.get_by_role("link", name="План действий").first.click()
    expect(page).to_have_url(f"{live_server.url}/ru/action-plan/")
    page.get_by_role("link", name="Ход выполнения по государствам").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ход выполнения Регионального плана действий")
    expect(page.get_by_role("cell", name="Выполняется 2023–2025")).to_be_visible()
    assert console_errors == []
