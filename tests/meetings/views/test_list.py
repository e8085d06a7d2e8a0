import datetime
import html
import re
import zoneinfo

import pytest
import time_machine
from django.utils.html import strip_tags

from meetings.enums import MeetingKind, MeetingStatus
from tests.factories.archive import ThemeFactory
from tests.factories.meetings import MeetingFactory, NationalConsultationFactory
from tests.factories.membership import ParticipantStateFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

D = datetime.date
# 23:30 UTC on 31 May is already 1 June in Almaty.
NOW = datetime.datetime(2026, 5, 31, 23, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def text_of(response) -> str:
    return re.sub(r"\s+", " ", html.unescape(strip_tags(response.content.decode())))


def titles(response) -> list[str]:
    return [meeting.title for meeting in response.context["listing"]["meetings"]]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", "Предстоящие совещания Совещание-2026 Прошедшие совещания Совещание-2025"),
        ("en", "Upcoming meetings Meeting 2026 Past meetings Meeting 2025"),
    ],
)
def test_list_heads_upcoming_then_past_meetings_in_both_languages(client, lang, expected):
    MeetingFactory(title_ru="Совещание-2025", title_en="Meeting 2025",
                   start=D(2025, 10, 1), end=D(2025, 10, 2))
    # Its last day is today in Almaty (still yesterday in UTC): upcoming.
    MeetingFactory(title_ru="Совещание-2026", title_en="Meeting 2026",
                   start=D(2026, 5, 31), end=D(2026, 6, 1))

    response = client.get(f"/{lang}/meetings/")

    assert response.status_code == 200
    body = text_of(response)
    headings = " ".join(
        part for part in re.findall(
            r"(Предстоящие совещания|Прошедшие совещания|Upcoming meetings|Past meetings|"
            r"Совещание-20\d\d|Meeting 20\d\d)", body,
        )
    )
    assert headings == expected


def test_list_filters_by_kind_year_theme_and_host_state(client):
    theme = ThemeFactory(slug="border-management")
    tajikistan = ParticipantStateFactory(name_en="Tajikistan", iso3="TJK", iso2="TJ")
    wanted = MeetingFactory(kind=MeetingKind.THEMATIC, start=D(2018, 9, 25),
                            end=D(2018, 9, 26), host_state=tajikistan, themes=[theme])
    MeetingFactory(kind=MeetingKind.THEMATIC, start=D(2019, 9, 25), end=D(2019, 9, 26),
                   host_state=tajikistan, themes=[theme])
    MeetingFactory(kind=MeetingKind.SENIOR_OFFICIALS, start=D(2018, 10, 1),
                   end=D(2018, 10, 1), host_state=tajikistan, themes=[theme])
    MeetingFactory(kind=MeetingKind.THEMATIC, start=D(2018, 3, 1), end=D(2018, 3, 1),
                   themes=[theme])

    response = client.get("/en/meetings/", {
        "kind": "thematic", "year": "2018", "theme": "border-management", "state": "tjk",
    })

    assert titles(response) == [wanted.title]


@pytest.mark.parametrize(
    "query", [{"kind": "banquet"}, {"year": "soon"}, {"theme": "nope"}, {"state": "zzz"}],
)
def test_list_shows_a_translated_error_for_an_unusable_filter(client, query):
    MeetingFactory()

    response = client.get("/ru/meetings/", query)

    assert response.status_code == 200
    assert titles(response) == []
    assert "Некоторые фильтры содержат недопустимые значения" in text_of(response)


def test_list_shows_status_badges_for_open_and_cancelled_meetings(client):
    MeetingFactory(
        start=D(2026, 9, 1), end=D(2026, 9, 1), status=MeetingStatus.REGISTRATION_OPEN,
        registration_opens=datetime.datetime(2026, 5, 1, tzinfo=zoneinfo.ZoneInfo("UTC")),
        registration_closes=datetime.datetime(2026, 8, 1, tzinfo=zoneinfo.ZoneInfo("UTC")),
    )
    MeetingFactory(start=D(2026, 10, 1), end=D(2026, 10, 1), status=MeetingStatus.CANCELLED)

    response = client.get("/en/meetings/")

    assert re.findall(r'class="badge[^"]*">([^<]+)<', response.content.decode()) == [
        "Registration open", "Cancelled",
    ]


def test_list_is_paginated_by_twenty(client):
    for day in range(1, 23):
        MeetingFactory(start=D(2020, 1, day), end=D(2020, 1, day))

    first = client.get("/en/meetings/")
    second = client.get("/en/meetings/", {"page": "2"})

    assert (len(titles(first)), len(titles(second))) == (20, 2)


@pytest.mark.parametrize("count", [1, 3, 25])
def test_list_queries_do_not_grow(client, django_assert_num_queries, count):
    for day in range(count):
        NationalConsultationFactory(start=D(2020, 1, 1) + datetime.timedelta(days=day),
                                    end=D(2020, 1, 1) + datetime.timedelta(days=day))

    # The count, the page of meetings with their host states, and the
    # filter form's themes and states.
    with django_assert_num_queries(4):
        response = client.get("/en/meetings/")

    assert response.status_code == 200
