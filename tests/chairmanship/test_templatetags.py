import datetime
import re

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from chairmanship.enums import ChairmanshipBasis
from chairmanship.services import chairmanship_create

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture(autouse=True)
def _frozen(late_evening_utc):
    """Whether a term covers today depends on the date: frozen at a
    late-evening UTC hour, already the next day in Almaty."""


def card_text(response) -> str:
    html = response.content.decode()
    card = html.split('aria-labelledby="current-chair-title">', 1)[1].split("</section>", 1)[0]
    return re.sub(r"\s+", " ", strip_tags(card)).strip()


@pytest.fixture
def kazakhstan(make_state):
    state = make_state("Kazakhstan")
    state.name_ru = "Казахстан"
    state.save()
    return state


def test_home_page_shows_the_current_chair(client, kazakhstan):
    today = timezone.localdate()
    start = datetime.date(today.year - 1, today.month, 1)
    chairmanship_create(
        state=kazakhstan, start=start, basis=ChairmanshipBasis.ELECTED,
        representative_name_en="Aigerim Demonova",
    )

    response = client.get("/en/")

    text = card_text(response)
    assert text.startswith("Current Chair Kazakhstan Term: ")
    assert "Representative: Aigerim Demonova" in text
    assert text.endswith("The chairmanship: history and rotation")


def test_home_page_between_terms_says_nobody_chairs(client, kazakhstan):
    chairmanship_create(
        state=kazakhstan, start=datetime.date(2013, 6, 5), basis=ChairmanshipBasis.ELECTED
    )

    response = client.get("/ru/")

    assert card_text(response) == (
        "Действующий Председатель Сегодня в процессе никто не председательствует: новый срок "
        "ещё не начался. Председательство: история и ротация"
    )
