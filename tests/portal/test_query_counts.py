"""The public pages outside the archive run the same number of queries
with 3 rows of what they list as with 30 (issue 11: query counts per page
constant as data grows). Each test arranges 3 of every kind of row the
page shows, counts the queries of one request, adds 27 more of each and
counts again; the archive's own pages are tested in tests/archive.

Counts, not timings: the same count with ten times the rows is what keeps
a page's cost flat over the decades an archive grows (an N+1 shows at
once). The exact counts are asserted by each app's own tests."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.enums import PartnerKind
from content.models import Partner
from content.services import partner_save
from meetings.enums import MeetingStatus
from tests.factories.archive import DocumentFactory, ThemeFactory
from tests.factories.chairmanship import ChairmanshipFactory
from tests.factories.content import (
    AboutSectionFactory,
    HistoryEntryFactory,
    NewsItemFactory,
    ProjectFactory,
)
from tests.factories.meetings import (
    AgendaItemFactory,
    DelegationFactory,
    MeetingDocumentFactory,
    MeetingFactory,
    MeetingOutcomeFactory,
    NationalConsultationFactory,
)
from tests.factories.membership import OrganisationFactory, ParticipantStateFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

# Noon in Almaty on 1 March 2026: meetings "upcoming" and "past" around it.
NOW = datetime.datetime(2026, 3, 1, 7, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 3, 1)
D = datetime.timedelta


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def queries_of(client, url: str) -> tuple[int, int]:
    """The response's status and the number of queries it ran."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response.status_code, len(captured.captured_queries)


def assert_same_queries(client, url: str, grow: Callable[[int, int], None]) -> None:
    """``grow(first, count)`` adds rows number first..first+count-1."""
    grow(0, 3)
    small = queries_of(client, url)
    grow(3, 27)
    large = queries_of(client, url)

    assert (small[0], large) == (200, small)


# --- Pages ------------------------------------------------------------------------


def _home_rows(first: int, count: int) -> None:
    for n in range(first, first + count):
        DocumentFactory()
        NewsItemFactory()
        MeetingFactory(start=TODAY + D(days=10 + n), end=TODAY + D(days=10 + n))
        ParticipantStateFactory()
        ChairmanshipFactory(start=datetime.date(1900 + 2 * n, 6, 5))


def test_home_queries_do_not_grow(client):
    assert_same_queries(client, "/ru/", _home_rows)


def test_about_queries_do_not_grow(client):
    def grow(first, count):
        AboutSectionFactory.create_batch(count)
        for n in range(first, first + count):
            HistoryEntryFactory(date=datetime.date(1950 + n, 5, 20))

    assert_same_queries(client, "/en/about/", grow)


def test_state_list_queries_do_not_grow(client):
    assert_same_queries(
        client, "/ru/states/", lambda first, count: ParticipantStateFactory.create_batch(count),
    )


def test_state_page_queries_do_not_grow(client):
    state = ParticipantStateFactory(name_en="Kazakhstan", iso3="KAZ", iso2="KZ")
    # More documents than the page lists (ten), so both requests also count
    # them for the link to the rest: one query more past ten, never more.
    DocumentFactory.create_batch(10, states=[state])

    def grow(first, count):
        for n in range(first, first + count):
            DocumentFactory(states=[state])
            NationalConsultationFactory(host_state=state, start=TODAY - D(days=30 + n))
            ChairmanshipFactory(state=state, start=datetime.date(1900 + 2 * n, 6, 5))

    assert_same_queries(client, "/ru/states/kaz/", grow)


def test_chairmanship_queries_do_not_grow(client):
    def grow(first, count):
        for n in range(first, first + count):
            ChairmanshipFactory(start=datetime.date(1900 + 2 * n, 6, 5))

    assert_same_queries(client, "/ru/chairmanship/", grow)


def test_meeting_page_queries_do_not_grow(client):
    """A held meeting with its agenda, outcomes, documents, themes and the
    delegations that took part (listed once registration has closed)."""
    meeting = MeetingFactory(slug="som-2025", start=TODAY - D(days=60), end=TODAY - D(days=59),
                             status=MeetingStatus.HELD)

    def grow(first, count):
        for _n in range(count):
            AgendaItemFactory(meeting=meeting)
            MeetingOutcomeFactory(meeting=meeting)
            MeetingDocumentFactory(meeting=meeting)
            DelegationFactory(meeting=meeting)
            DelegationFactory(meeting=meeting, state=None, organisation=OrganisationFactory())
            meeting.themes.add(ThemeFactory())

    assert_same_queries(client, "/en/meetings/som-2025/", grow)


def _meetings(first: int, count: int) -> None:
    theme = ThemeFactory(slug="labour-migration")
    for n in range(first, first + count):
        start = TODAY + D(days=n - 15)  # past and upcoming ones
        NationalConsultationFactory(start=start, end=start, themes=[theme, ThemeFactory()])


@pytest.mark.parametrize("query", ["", "?theme=labour-migration&year=2026", "?page=2"])
def test_meeting_list_queries_do_not_grow(client, query):
    def grow(first, count):
        _meetings(first, count)
        if first == 0:  # a second page from the start
            _meetings(100, 20)

    assert_same_queries(client, f"/ru/meetings/{query}", grow)


def test_news_list_queries_do_not_grow(client):
    assert_same_queries(
        client, "/ru/news/", lambda first, count: NewsItemFactory.create_batch(count),
    )


def test_news_page_queries_do_not_grow(client):
    NewsItemFactory(slug="seminar")

    assert_same_queries(
        client, "/ru/news/seminar/", lambda first, count: NewsItemFactory.create_batch(count),
    )


def test_project_list_queries_do_not_grow(client):
    def grow(first, count):
        for _n in range(count):
            ProjectFactory(states=[ParticipantStateFactory()], themes=[ThemeFactory()],
                           documents=[DocumentFactory()])

    assert_same_queries(client, "/ru/projects/", grow)


def test_project_page_queries_do_not_grow(client):
    project = ProjectFactory(slug="bomca")

    def grow(first, count):
        for _n in range(count):
            project.states.add(ParticipantStateFactory())
            project.themes.add(ThemeFactory())
            project.documents.add(DocumentFactory())

    assert_same_queries(client, "/ru/projects/bomca/", grow)


def test_partner_list_queries_do_not_grow(client):
    def grow(first, count):
        for n in range(first, first + count):
            partner_save(partner=Partner(
                kind=PartnerKind.PROCESS, slug=f"process-{n}", name_ru=f"Процесс {n}",
                name_en=f"Process {n}", observer=OrganisationFactory(),
            ))

    assert_same_queries(client, "/ru/partners/", grow)


# --- Feeds, calendars and the sitemap -------------------------------------------------


@pytest.mark.parametrize("url", [
    "/ru/meetings/feed/rss/", "/en/meetings/feed/atom/", "/ru/meetings.ics",
    "/ru/news/feed/rss/", "/en/news/feed/atom/",
])
def test_feed_queries_do_not_grow(client, url):
    def grow(first, count):
        NewsItemFactory.create_batch(count)
        for n in range(first, first + count):
            MeetingFactory(start=TODAY + D(days=n - 15), end=TODAY + D(days=n - 15),
                           host_state=ParticipantStateFactory())

    assert_same_queries(client, url, grow)


def test_meeting_calendar_file_queries_do_not_grow(client):
    meeting = MeetingFactory(slug="som-2026", start=TODAY + D(days=20), end=TODAY + D(days=21))

    assert_same_queries(
        client, "/ru/meetings/som-2026/calendar.ics",
        lambda first, count: AgendaItemFactory.create_batch(count, meeting=meeting),
    )


@pytest.mark.parametrize("url", [
    "/sitemap.xml", "/sitemap-meetings.xml", "/sitemap-states.xml", "/sitemap-archive.xml",
    "/sitemap-news.xml", "/sitemap-projects.xml",
])
def test_sitemap_queries_do_not_grow(client, url):
    def grow(first, count):
        _home_rows(first, count)
        for _n in range(count):
            ProjectFactory()

    assert_same_queries(client, url, grow)

