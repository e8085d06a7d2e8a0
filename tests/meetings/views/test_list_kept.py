"""The meetings list's results kept per query, language, Almaty date and
content generation (issue 25): a signed-in visitor reads them without the
list's queries; a new meeting is on the next request; a query with other
parameters is never kept (its links would carry them to the next visitor)."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.meetings import MeetingFactory
from tests.factories.membership import UserFactory

pytestmark = pytest.mark.django_db

NOON_UTC = datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC)


def _list(client, query="") -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/en/meetings/{query}")
    assert response.status_code == 200
    return len(queries), response.content.decode()


@time_machine.travel(NOON_UTC, tick=False)
def test_a_signed_in_visitor_reads_the_kept_results_without_their_queries(client, pieces_cache):
    MeetingFactory(title_en="Senior Officials' Meeting 2026", start=datetime.date(2026, 10, 15))
    client.force_login(UserFactory())

    first, first_html = _list(client, "?kind=som")
    second, second_html = _list(client, "?kind=som")

    assert "Senior Officials&#x27; Meeting 2026" in first_html
    assert "Senior Officials&#x27; Meeting 2026" in second_html
    assert second <= first - 3  # the count, the page, themes and states of the filters


@time_machine.travel(NOON_UTC, tick=False)
def test_a_new_meeting_is_on_the_next_request(client, pieces_cache, committed_change):
    _list(client)

    with committed_change():
        MeetingFactory(title_en="Thematic seminar on labour migration")

    assert "Thematic seminar on labour migration" in _list(client)[1]


@time_machine.travel(NOON_UTC, tick=False)
def test_other_parameters_are_never_kept_for_the_next_visitor(client, pieces_cache):
    for number in range(25):  # two pages
        MeetingFactory(title_en=f"Meeting {number}")

    _, marked = _list(client, "?utm_source=newsletter")
    _, plain = _list(client)

    assert "utm_source=newsletter" in marked  # the pager keeps the query string
    assert "utm_source" not in plain
