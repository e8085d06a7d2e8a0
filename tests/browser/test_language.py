import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_in_russian_switches_to_english(live_server, page: Page):
    page.goto(f"{live_server.url}/ru/")

    expect(page.locator("html")).to_have_attribute("lang", "ru")
    nav = page.get_by_role("navigation", name="Основная навигация")
    expect(nav.get_by_role("link", name="Главная")).to_be_visible()
    expect(nav.get_by_role("link", name="Совещания")).to_be_visible()

    page.get_by_role("link", name="English").click()

    expect(page).to_have_url(f"{live_server.url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    nav = page.get_by_role("navigation", name="Main navigation")
    expect(nav.get_by_role("link", name="Home")).to_be_visible()
    expect(nav.get_by_role("link", name="Meetings")).to_be_visible()


def test_switching_language_keeps_the_page(live_server, page: Page):
    page.goto(f"{live_server.url}/en/about/")

    page.get_by_role("link", name="Русский").click()

    expect(page).to_have_url(re.compile(r"/ru/about/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("О процессе")


def test_russian_browser_that_chose_english_is_sent_to_english_from_the_root(
    live_server, page: Page,
):
    # The browser asks for Russian (locale ru-RU, tests/conftest.py).
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/ru/")

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{live_server.url}/en/")
    page.goto(f"{live_server.url}/")

    expect(page).to_have_url(f"{live_server.url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_role("link", name="Русский").click()
    page.goto(f"{live_server.url}/")

    expect(page).to_have_url(f"{live_server.url}/ru/")
