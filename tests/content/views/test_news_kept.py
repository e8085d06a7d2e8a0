"""The news list kept per page, language, Almaty date and content
generation (issue 25): a signed-in visitor reads it without its queries; a
news item published is on the next request; a page past the first keeps its
number in the title; a query with other parameters is never kept."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.content import NewsItemFactory
from tests.factories.membership import UserFactory

pytestmark = pytest.mark.django_db

NOON_UTC = datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _noon():
    with time_machine.travel(NOON_UTC, tick=False):
        yield


def _news(client, query="") -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/en/news/{query}")
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_signed_in_visitor_reads_the_kept_list_without_its_queries(client, pieces_cache):
    NewsItemFactory(title_en="Seminar on border management")
    client.force_login(UserFactory())

    first, _ = _news(client)
    second, html = _news(client)

    assert "Seminar on border management" in html
    assert second <= first - 2  # the count and the page


def test_a_published_item_is_on_the_next_request(client, pieces_cache, committed_change):
    _news(client)

    with committed_change():
        NewsItemFactory(title_en="Regional consultation in Dushanbe")

    assert "Regional consultation in Dushanbe" in _news(client)[1]


def test_a_later_page_keeps_its_number_in_the_title_and_the_first_has_none(client,
                                                                           pieces_cache):
    for _ in range(11):
        NewsItemFactory()

    for _ in range(2):
        assert "<title>News · page 2" in _news(client, "?page=2")[1]
        assert "<title>News · page 2" in _news(client, "?page=99")[1]  # the nearest: the last
        assert "<title>News · Almaty Process</title>" in _news(client)[1]


def test_other_parameters_are_never_kept_for_the_next_visitor(client, pieces_cache):
    for _ in range(11):
        NewsItemFactory()

    _, marked = _news(client, "?utm_source=newsletter")
    _, plain = _news(client)

    assert "utm_source=newsletter" in marked  # the pager keeps the query string
    assert "utm_source" not in plain
