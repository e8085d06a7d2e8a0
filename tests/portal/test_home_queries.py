"""The home page's queries do not grow with the documents or terms shown."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories.archive import DocumentFactory
from tests.factories.chairmanship import ChairmanshipFactory
from tests.factories.content import NewsItemFactory
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import (
    MembershipPeriodFactory,
    NationalCoordinatorFactory,
    ParticipantStateFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

# Inside the chair term below, in Almaty.
NOON_IN_ALMATY = datetime.datetime(2026, 3, 1, 12, 0, tzinfo=ZoneInfo("Asia/Almaty"))


@pytest.fixture
def home_content(request):
    """``request.param`` documents, news items, coming meetings, participant
    states and chair terms (the current one last)."""
    count = request.param
    DocumentFactory.create_batch(count)
    NewsItemFactory.create_batch(count)
    MeetingFactory.create_batch(count, start=datetime.date(2026, 5, 1))
    ParticipantStateFactory.create_batch(count)
    for n in range(count):
        ChairmanshipFactory(start=datetime.date(2025 - 2 * (count - 1 - n), 6, 5))


@time_machine.travel(NOON_IN_ALMATY, tick=False)
@pytest.mark.parametrize("home_content", [1, 3], indirect=True)
def test_home_page_queries_for_a_visitor(client, home_content, django_assert_num_queries):
    # The current chair term, the next meetings, the newest public
    # documents, news and the participant states.
    with django_assert_num_queries(5):
        response = client.get("/ru/")

    assert response.status_code == 200


@time_machine.travel(NOON_IN_ALMATY, tick=False)
@pytest.mark.parametrize("home_content", [1, 3], indirect=True)
def test_home_page_queries_for_a_signed_in_coordinator(
    client, home_content, django_assert_num_queries
):
    user = UserFactory()
    NationalCoordinatorFactory(user=user)
    client.force_login(user)

    # The session, the user, their coordinator and focal-point roles, the
    # current chair term, the next meetings, the newest documents they may
    # see, news and the participant states.
    with django_assert_num_queries(9):
        response = client.get("/ru/")

    assert response.status_code == 200


@time_machine.travel(NOON_IN_ALMATY, tick=False)
def test_home_page_shows_the_latest_news(client):
    item = NewsItemFactory(title_ru="Семинар по реинтеграции мигрантов в Нур-Султане")

    html = client.get("/ru/").content.decode()

    assert "Семинар по реинтеграции мигрантов в Нур-Султане" in html
    assert item.get_absolute_url() in html


@time_machine.travel(NOON_IN_ALMATY, tick=False)
def test_home_page_lists_the_next_meetings_not_the_past_ones(client):
    MeetingFactory(title_ru="Совещание 2024 года", start=datetime.date(2024, 10, 15))
    coming = MeetingFactory(
        title_ru="Совещание старших должностных лиц 2026 года", start=datetime.date(2026, 5, 1),
        status="planned",
    )

    html = client.get("/ru/").content.decode()

    assert "Совещание старших должностных лиц 2026 года" in html
    assert coming.get_absolute_url() in html
    assert "Совещание 2024 года" not in html


@time_machine.travel(NOON_IN_ALMATY, tick=False)
def test_home_page_lists_participant_states_not_withdrawn_ones(client):
    ParticipantStateFactory(name_en="Kazakhstan", name_ru="Казахстан", iso3="KAZ")
    withdrawn = ParticipantStateFactory(
        name_en="Ruritania", name_ru="Руритания", iso3="RUR", participant_since=False,
    )
    MembershipPeriodFactory(state=withdrawn, status="withdrawn", start=datetime.date(2020, 1, 1))

    html = client.get("/en/").content.decode()

    assert '<a href="/en/states/kaz/">Kazakhstan</a>' in html
    assert "Ruritania" not in html
