"""A national coordinator signs in, registers their state's delegation for
the open meeting, hits the delegation size limit and reads the error, in
Russian and in English."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from meetings.enums import MeetingStatus
from meetings.models import Delegate
from membership import services
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import ParticipantStateFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = datetime.date
PASSWORD = "correct-horse-battery"  # UserFactory's

TEXTS = {
    "ru": {
        "sign_in": "Войти", "navigation": "Основная навигация", "delegations": "Моё государство",
        "register": "Зарегистрировать или изменить делегацию", "add": "Добавить делегата",
        "surname": "Фамилия (кириллицей)", "given": "Имя и отчество (кириллицей)",
        "position": "Должность", "agency": "Ведомство", "email": "Электронная почта",
        "head": "Глава делегации", "save": "Зарегистрировать делегата",
        "full": "Делегация укомплектована: не более 2 делегатов, включая главу делегации.",
    },
    "en": {
        "sign_in": "Sign in", "navigation": "Main navigation", "delegations": "My state",
        "register": "Register or change the delegation", "add": "Add a delegate",
        "surname": "Surname (Cyrillic)", "given": "Given names (Cyrillic)",
        "position": "Position", "agency": "Agency", "email": "Email",
        "head": "Head of delegation", "save": "Register the delegate",
        "full": "The delegation is full: at most 2 delegates, the head of delegation included.",
    },
}


@pytest.fixture
def open_meeting():
    state = ParticipantStateFactory(
        iso2="KZ", iso3="KAZ", name_ru="Казахстан", name_en="Kazakhstan", name="Казахстан",
        participant_since=D(2013, 6, 5),
    )
    user = UserFactory(email="coordinator.kaz@example.org", full_name="Айгерим Тестова")
    services.coordinator_appoint(
        state=state, start=D(2019, 3, 1), full_name_ru="Айгерим Тестова",
        full_name_en="Aigerim Testova", user=user,
    )
    now = timezone.now()
    start = timezone.localdate() + datetime.timedelta(days=30)
    return MeetingFactory(
        status=MeetingStatus.REGISTRATION_OPEN, start=start,
        end=start + datetime.timedelta(days=1),
        registration_opens=now - datetime.timedelta(days=1),
        registration_closes=now + datetime.timedelta(days=10), max_delegation_size=2,
    )


def _add(page: Page, t: dict, *, surname: str, given: str, email: str, head: bool = False):
    page.get_by_role("link", name=t["add"]).click()
    page.get_by_label(t["surname"]).fill(surname)
    page.get_by_label(t["given"]).fill(given)
    page.get_by_label(t["position"]).fill("Director")
    page.get_by_label(t["agency"]).fill("Ministry of Labour")
    page.get_by_label(t["email"]).fill(email)
    if head:
        page.get_by_label(t["head"]).check()
    page.get_by_role("button", name=t["save"]).click()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_coordinator_registers_a_delegation_and_hits_the_limit(
    live_server, page: Page, open_meeting, lang,
):
    t = TEXTS[lang]
    page.goto(f"{live_server.url}/{lang}/accounts/login/")
    page.locator("input[name=username]").fill("coordinator.kaz@example.org")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main").get_by_role("button", name=t["sign_in"]).click()

    page.get_by_role("navigation", name=t["navigation"]).get_by_role(
        "link", name=t["delegations"]).click()
    page.get_by_role("link", name=t["register"]).click()
    _add(page, t, surname="Щукина", given="Юлия", email="shchukina@example.kz", head=True)
    expect(page.get_by_role("cell", name="Iuliia Shchukina")).to_be_visible()
    _add(page, t, surname="Ахметов", given="Ерлан", email="akhmetov@example.kz")
    expect(page.get_by_role("cell", name="Erlan Akhmetov")).to_be_visible()

    _add(page, t, surname="Ким", given="Динара", email="kim@example.kz")

    expect(page.get_by_role("alert")).to_contain_text(t["full"])
    expect(page.get_by_label(t["email"])).to_have_value("kim@example.kz")
    assert sorted(Delegate.objects.values_list("surname_latin", flat=True)) == [
        "Akhmetov", "Shchukina",
    ]
