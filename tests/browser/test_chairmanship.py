import datetime
import re

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Page, expect

from chairmanship.enums import ChairmanshipBasis
from chairmanship.services import chairmanship_create
from tests.factories.membership import ParticipantStateFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.dates]

# A late-evening UTC hour, already the next day in Almaty; the clock runs on
# from there (the browser waits in real time).
LATE_EVENING_UTC = datetime.datetime(2026, 11, 30, 21, 30, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _late_evening():
    with time_machine.travel(LATE_EVENING_UTC, tick=True):
        yield


@pytest.fixture
def kazakhstan_chairs():
    """Kazakhstan in the middle of its term, Kyrgyzstan next by rotation."""
    kazakhstan = ParticipantStateFactory(
        name_en="Kazakhstan", name_ru="Казахстан", name="Казахстан"
    )
    ParticipantStateFactory(name_en="Kyrgyzstan", name_ru="Кыргызстан", name="Кыргызстан")
    today = timezone.localdate()
    return chairmanship_create(
        state=kazakhstan, start=datetime.date(today.year - 1, today.month, 1),
        basis=ChairmanshipBasis.ELECTED,
        representative_name_ru="Айгерим Демонова", representative_name_en="Aigerim Demonova",
        representative_title_ru="Заместитель министра иностранных дел",
        representative_title_en="Deputy Minister of Foreign Affairs",
    )


def test_chairmanship_page_in_russian_switches_to_english(
    live_server, page: Page, kazakhstan_chairs
):
    page.goto(f"{live_server.url}/ru/chairmanship/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Председательство")
    current = page.get_by_role("region", name="Действующий Председатель")
    expect(current).to_contain_text("Казахстан")
    expect(current).to_contain_text("Айгерим Демонова, Заместитель министра иностранных дел")
    expect(page.get_by_role("heading", name="Ротация на будущее")).to_be_visible()

    page.get_by_role("link", name="English").click()

    expect(page).to_have_url(f"{live_server.url}/en/chairmanship/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Chairmanship")
    current = page.get_by_role("region", name="Current Chair")
    expect(current).to_contain_text("Kazakhstan")
    expect(current).to_contain_text("Aigerim Demonova, Deputy Minister of Foreign Affairs")
    expect(page.get_by_role("heading", name="The rotation ahead")).to_be_visible()


def test_chairmanship_page_in_english_switches_to_russian(
    live_server, page: Page, kazakhstan_chairs
):
    page.goto(f"{live_server.url}/en/chairmanship/")
    expect(page.get_by_role("heading", name="Current Chair")).to_be_visible()

    page.get_by_role("link", name="Русский").click()

    expect(page).to_have_url(re.compile(r"/ru/chairmanship/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Председательство")
    expect(page.get_by_role("region", name="Действующий Председатель")).to_contain_text(
        "Казахстан"
    )


def test_chairmanship_page_is_reached_from_the_main_navigation(
    live_server, page: Page, kazakhstan_chairs
):
    page.goto(f"{live_server.url}/ru/")

    nav = page.get_by_role("navigation", name="Основная навигация")
    nav.locator("summary", has_text="Процесс").click()
    nav.get_by_role("link", name="Председательство").click()

    expect(page).to_have_url(f"{live_server.url}/ru/chairmanship/")
    expect(page.get_by_role("table").filter(has_text="Кыргызстан")).to_be_visible()
