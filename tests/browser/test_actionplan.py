"""A national coordinator signs in and reports their state's progress in
Russian on the open round's form, which shows last round's answers; the
public then reads the plan in Russian. Chromium, strict CSP."""

import datetime
import re

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
    plan_2012_with_an_answered_round,
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
    nav = page.get_by_role("navigation", name="Основная навигация")
    nav.locator("summary", has_text="Документы").click()
    nav.get_by_role("link", name="План действий").click()
    expect(page).to_have_url(f"{live_server.url}/ru/action-plan/")
    page.get_by_role("link", name="Ход выполнения по государствам").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ход выполнения Регионального плана действий")
    expect(page.get_by_role("cell", name="Выполняется 2023–2025")).to_be_visible()
    assert console_errors == []


@pytest.mark.parametrize("width", [360, 1280])
def test_progress_matrix_scrolls_in_its_own_region_under_sticky_headers(
    live_server, page: Page, width,
):
    """Issue 24, item 15: eight states made the page 1,837 px wide. Now the
    page is as wide as the window; each table scrolls inside a region the
    keyboard can focus, and the matrix's state names stay in view while it
    scrolls down."""
    plan_2012_with_an_answered_round(meeting=MeetingFactory())
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/en/action-plan/progress/")

    page_width = page.evaluate("document.documentElement.scrollWidth")
    region = page.get_by_role("region", name="States and actions")
    overflow = region.evaluate(
        "e => [e.scrollWidth > e.clientWidth, e.scrollHeight > e.clientHeight]")
    region.focus()
    page.keyboard.press("End")  # the keyboard scrolls the focused region down
    header = region.get_by_role("columnheader", name="Afghanistan")
    header_top = header.bounding_box()["y"]
    region_top = region.bounding_box()["y"]

    assert page_width == width
    assert overflow == [True, True]
    assert region.evaluate("e => e.scrollTop") > 0
    assert region.get_attribute("tabindex") == "0"
    assert abs(header_top - region_top) < 2
    for name in ("Actions by status and state", "Areas and states"):
        expect(page.get_by_role("region", name=name)).to_have_attribute("tabindex", "0")


def test_progress_charts_show_each_state_and_area_as_a_described_picture(
    live_server, page: Page,
):
    plan_2012_with_an_answered_round(meeting=MeetingFactory())
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{live_server.url}/en/action-plan/progress/")

    by_state = page.get_by_role("img", name="Actions by status, per state")
    by_area = page.get_by_role("img", name="Answers by status, per area (all states)")
    box = by_state.bounding_box()

    expect(by_state).to_have_accessible_description(re.compile(
        r"^Afghanistan: Done \d+, .*Türkiye: .*\.$"))
    expect(by_area).to_have_accessible_description(re.compile(r"^I\. .*: Done \d+, "))
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") == 360
