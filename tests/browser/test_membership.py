import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from membership import services
from tests.factories.membership import ParticipantStateFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = datetime.date
PASSWORD = "correct-horse-battery"  # UserFactory's


@pytest.fixture
def kazakhstan():
    state = ParticipantStateFactory(
        iso2="KZ", iso3="KAZ", name_ru="Казахстан", name_en="Kazakhstan", name="Казахстан",
        participant_since=D(2013, 6, 5),
    )
    user = UserFactory(email="coordinator.kaz@example.org", full_name="Айгерим Тестова")
    services.coordinator_appoint(
        state=state, start=D(2019, 3, 1), full_name_ru="Айгерим Тестова",
        full_name_en="Aigerim Testova", agency_ru="Министерство иностранных дел",
        agency_en="Ministry of Foreign Affairs", phone="+7 717 200 00 05", user=user,
    )
    return state


@pytest.mark.parametrize(
    ("lang", "heading", "state", "history", "coordinators", "agency"),
    [
        ("ru", "Государства-участники", "Казахстан", "История членства",
         "Национальные координаторы", "Министерство иностранных дел"),
        ("en", "Participant states", "Kazakhstan", "Membership history",
         "National coordinators", "Ministry of Foreign Affairs"),
    ],
)
def test_state_list_opens_a_state_page(
    live_server, page: Page, kazakhstan, lang, heading, state, history, coordinators, agency
):
    page.goto(f"{live_server.url}/{lang}/states/")

    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("row", name=re.compile(state))).to_contain_text(agency)

    page.get_by_role("link", name=state, exact=True).click()

    expect(page).to_have_url(f"{live_server.url}/{lang}/states/kaz/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(state)
    expect(page.get_by_role("heading", level=2, name=history)).to_be_visible()
    expect(page.get_by_role("heading", level=2, name=coordinators)).to_be_visible()


def test_coordinator_signs_in_and_updates_the_phone(live_server, page: Page, kazakhstan):
    page.goto(f"{live_server.url}/ru/accounts/login/")
    page.locator("input[name=username]").fill("coordinator.kaz@example.org")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Войти").click()

    page.get_by_role("navigation", name="Основная навигация").get_by_role(
        "link", name="Моё государство"
    ).click()
    expect(page).to_have_url(f"{live_server.url}/ru/registration/")
    page.get_by_role("link", name="Публичная страница государства").click()
    expect(page).to_have_url(f"{live_server.url}/ru/states/kaz/")
    page.get_by_role("link", name="Обновить контактные данные координатора").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Контактные данные национального координатора"
    )
    page.get_by_label("Телефон").fill("+7 717 200 12 34")
    page.get_by_role("button", name="Сохранить контактные данные").click()

    expect(page).to_have_url(f"{live_server.url}/ru/states/kaz/")
    expect(page.get_by_text("Ваши контактные данные сохранены.")).to_be_visible()
    expect(page.get_by_role("link", name="+7 717 200 12 34")).to_be_visible()
