"""RSS and Atom feeds of meetings (/ru|en/meetings/feed/rss|atom/): upcoming
and recent meetings newest first, in the language of the URL, summaries as
plain text, cancelled meetings marked; advertised in the pages' <head>."""

import datetime
import xml.etree.ElementTree as ET
import zoneinfo

import pytest
import time_machine

from meetings.enums import MeetingKind, MeetingStatus
from tests.factories.meetings import MeetingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

D = datetime.date
ATOM = "{http://www.w3.org/2005/Atom}"
XSS = "<img src=x onerror=alert(1)>"
# Late evening in UTC, already 1 December 2026 in Almaty.
NOW = datetime.datetime(2026, 11, 30, 21, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def meeting(slug: str, start: D, **fields):
    return MeetingFactory(
        slug=slug, start=start, end=start + datetime.timedelta(days=1),
        title_ru=fields.pop("title_ru", f"Совещание {slug}"),
        title_en=fields.pop("title_en", f"Meeting {slug}"), **fields,
    )


@pytest.fixture
def meetings():
    """One upcoming, one cancelled upcoming, one held this year, and one held
    more than a year ago (not in the feeds)."""
    return {
        "upcoming": meeting(
            "som-2027", D(2027, 1, 20), kind=MeetingKind.SENIOR_OFFICIALS,
            status=MeetingStatus.PLANNED,
            title_ru="Совещание старших должностных лиц 2027 г.",
            title_en="Senior Officials' Meeting 2027",
            description_ru="Обзор года.", description_en="A review of the year.",
        ),
        "cancelled": meeting(
            "seminar-2026", D(2026, 12, 10), kind=MeetingKind.THEMATIC,
            status=MeetingStatus.CANCELLED,
            title_ru="Семинар по защите беженцев", title_en="Seminar on refugee protection",
        ),
        "recent": meeting("som-2026", D(2026, 10, 15)),
        "old": meeting("som-2024", D(2024, 10, 15)),
    }


def rss_items(client, lang: str) -> list[dict]:
    response = client.get(f"/{lang}/meetings/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own feed)
    return [
        {child.tag: child.text for child in item} for item in channel.findall("item")
    ]


def atom_entries(client, lang: str) -> list[dict]:
    response = client.get(f"/{lang}/meetings/feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own feed)
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "summary_type": entry.find(f"{ATOM}summary").get("type"),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


@pytest.mark.parametrize(
    ("lang", "titles", "summary"),
    [
        ("ru", ["Совещание старших должностных лиц 2027 г.",
                "Семинар по защите беженцев (отменено)", "Совещание som-2026"],
         "20–21 января 2027, Алматы. Запланировано. Обзор года."),
        ("en", ["Senior Officials' Meeting 2027", "Seminar on refugee protection (cancelled)",
                "Meeting som-2026"],
         "20–21 January 2027, Almaty. Planned. A review of the year."),
    ],
)
def test_rss_lists_upcoming_and_recent_meetings_newest_first(
    client, meetings, lang, titles, summary
):
    items = rss_items(client, lang)

    assert [item["title"] for item in items] == titles
    assert [item["link"] for item in items] == [
        f"http://testserver/{lang}/meetings/{slug}/"
        for slug in ("som-2027", "seminar-2026", "som-2026")
    ]
    assert items[0]["description"] == summary


@pytest.mark.parametrize(
    ("lang", "titles", "summary"),
    [
        ("ru", ["Совещание старших должностных лиц 2027 г.",
                "Семинар по защите беженцев (отменено)", "Совещание som-2026"],
         "20–21 января 2027, Алматы. Запланировано. Обзор года."),
        ("en", ["Senior Officials' Meeting 2027", "Seminar on refugee protection (cancelled)",
                "Meeting som-2026"],
         "20–21 January 2027, Almaty. Planned. A review of the year."),
    ],
)
def test_atom_lists_upcoming_and_recent_meetings_newest_first(
    client, meetings, lang, titles, summary
):
    entries = atom_entries(client, lang)

    assert [entry["title"] for entry in entries] == titles
    assert [entry["link"] for entry in entries] == [
        f"http://testserver/{lang}/meetings/{slug}/"
        for slug in ("som-2027", "seminar-2026", "som-2026")
    ]
    assert (entries[0]["summary"], entries[0]["summary_type"]) == (summary, "text")


def test_feeds_send_markup_in_a_title_or_description_as_text(client):
    meeting("tampered", D(2026, 12, 20), title_en=f"Seminar {XSS}",
            description_en=f"Agenda {XSS}")

    rss = client.get("/en/meetings/feed/rss/").content.decode()
    atom = client.get("/en/meetings/feed/atom/").content.decode()
    [item] = rss_items(client, "en")
    [entry] = atom_entries(client, "en")

    # RSS descriptions are HTML by convention: the text goes in escaped
    # once more, so a reader shows the characters.
    assert item["title"] == f"Seminar {XSS}"
    assert item["description"].endswith("Agenda &lt;img src=x onerror=alert(1)&gt;")
    # Atom says the summary is text.
    assert entry["title"] == f"Seminar {XSS}"
    assert entry["summary"].endswith(f"Agenda {XSS}")
    assert "<img" not in rss
    assert "<img" not in atom


def test_feeds_say_postponed_in_russian(client):
    meeting("postponed", D(2026, 12, 20), status=MeetingStatus.POSTPONED,
            title_ru="Семинар", description_ru="")

    [item] = rss_items(client, "ru")

    assert item["title"] == "Семинар (перенесено)"
    assert item["description"] == "20–21 декабря 2026, Алматы. Перенесено."


@pytest.mark.parametrize("count", [1, 4])
def test_feeds_queries_do_not_grow(client, django_assert_num_queries, count):
    for index in range(count):
        meeting(f"m-{index}", D(2026, 12, 10 + index))

    for kind in ("rss", "atom"):
        with django_assert_num_queries(1):
            response = client.get(f"/en/meetings/feed/{kind}/")
        assert response.status_code == 200


@pytest.mark.parametrize(
    ("lang", "rss_title", "atom_title"),
    [
        ("ru", "Совещания Алматинского процесса (RSS)", "Совещания Алматинского процесса (Atom)"),
        ("en", "Almaty Process meetings (RSS)", "Almaty Process meetings (Atom)"),
    ],
)
def test_meeting_pages_advertise_the_feeds_in_head(client, meetings, lang, rss_title,
                                                   atom_title):
    for url in (f"/{lang}/meetings/", f"/{lang}/meetings/som-2027/"):
        head = client.get(url).content.decode().split("</head>", 1)[0]

        assert (
            f'<link rel="alternate" type="application/rss+xml" title="{rss_title}" '
            f'href="/{lang}/meetings/feed/rss/">'
        ) in head
        assert (
            f'<link rel="alternate" type="application/atom+xml" title="{atom_title}" '
            f'href="/{lang}/meetings/feed/atom/">'
        ) in head
