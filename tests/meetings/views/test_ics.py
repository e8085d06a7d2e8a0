"""The calendar files, validated by parsing them back with icalendar."""

import datetime
import zoneinfo

import icalendar
import pytest
import time_machine

from meetings.enums import MeetingStatus
from tests.factories.meetings import MeetingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

SANDBOX = "default-src 'none'; sandbox"  # settings.FILE_CONTENT_SECURITY_POLICY, as nginx sends

D = datetime.date
NOW = datetime.datetime(2026, 5, 31, 23, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def events_of(response) -> list:
    calendar = icalendar.Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


@pytest.mark.parametrize(
    ("lang", "summary", "location"),
    [
        ("ru", "Министерская конференция 2027 г.", "Дом приёмов, Баку"),
        ("en", "Ministerial Conference 2027", "State Residence, Baku"),
    ],
)
def test_meeting_ics_is_an_all_day_event_in_the_pages_language(client, lang, summary, location):
    MeetingFactory(
        slug="mc-2027", title_ru="Министерская конференция 2027 г.",
        title_en="Ministerial Conference 2027", start=D(2027, 6, 3), end=D(2027, 6, 4),
        venue_ru="Дом приёмов", venue_en="State Residence", city_ru="Баку", city_en="Baku",
        status=MeetingStatus.PLANNED,
    )

    response = client.get(f"/{lang}/meetings/mc-2027/calendar.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="mc-2027.ics"'
    assert response["Content-Security-Policy"] == SANDBOX  # issue 22, item 10
    [event] = events_of(response)
    assert (
        str(event["summary"]), str(event["location"]), event.decoded("dtstart"),
        event.decoded("dtend"), str(event["status"]), str(event["url"]),
    ) == (
        summary, location, D(2027, 6, 3), D(2027, 6, 5), "CONFIRMED",
        f"http://testserver/{lang}/meetings/mc-2027/",
    )


def test_meeting_ics_of_an_unknown_meeting_is_404(client):
    assert client.get("/en/meetings/nope/calendar.ics").status_code == 404


def test_calendar_feed_has_the_last_years_and_upcoming_meetings(client):
    MeetingFactory(slug="old", start=D(2024, 10, 1), end=D(2024, 10, 2))
    recent = MeetingFactory(slug="recent", start=D(2025, 10, 1), end=D(2025, 10, 2))
    cancelled = MeetingFactory(slug="cancelled", start=D(2026, 9, 1), end=D(2026, 9, 1),
                               status=MeetingStatus.CANCELLED)

    response = client.get("/en/meetings.ics")

    assert response["Content-Disposition"] == 'inline; filename="meetings.ics"'
    assert [(str(e["summary"]), str(e["status"])) for e in events_of(response)] == [
        (recent.title_en, "CONFIRMED"), (cancelled.title_en, "CANCELLED"),
    ]


@pytest.mark.parametrize("count", [1, 3])
def test_calendar_feed_queries_do_not_grow(client, django_assert_num_queries, count):
    for day in range(count):
        MeetingFactory(start=D(2026, 9, 1 + day), end=D(2026, 9, 1 + day))

    with django_assert_num_queries(1):
        client.get("/en/meetings.ics")
