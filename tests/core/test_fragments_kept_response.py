"""Feeds and the sitemap kept whole per address, language, day and content
generation (core.fragments.kept_response, issue 25): a second request asks
the database for nothing and answers the same bytes and headers; a change
is on the next request; what is not a 200 is never kept; links stay on the
address each visitor asked."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.content import NewsItemFactory

pytestmark = pytest.mark.django_db

NOON_UTC = datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _noon():
    with time_machine.travel(NOON_UTC, tick=False):
        yield


def _get(client, path, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **extra)
    return len(queries), response


def test_a_kept_feed_answers_the_same_without_a_query(client, pieces_cache):
    NewsItemFactory(title_en="Seminar on border management")

    _, first = _get(client, "/en/news/feed/rss/")
    queries, second = _get(client, "/en/news/feed/rss/")

    assert queries == 0
    assert second.status_code == 200
    assert second.content == first.content
    assert b"Seminar on border management" in second.content
    assert second["Content-Type"] == first["Content-Type"]
    # The middleware's own headers are the response's, each time.
    assert second["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in second


def test_a_published_item_is_in_the_feed_on_the_next_request(client, pieces_cache,
                                                            committed_change):
    _get(client, "/en/news/feed/atom/")

    with committed_change():
        NewsItemFactory(title_en="Regional consultation in Dushanbe")

    assert b"Regional consultation in Dushanbe" in _get(client, "/en/news/feed/atom/")[1].content


def test_a_kept_sitemap_page_keeps_its_headers(client, pieces_cache):
    NewsItemFactory()
    _, first = _get(client, "/sitemap-news.xml")
    queries, second = _get(client, "/sitemap-news.xml")

    assert queries == 0
    assert second.content == first.content
    assert second["X-Robots-Tag"] == "noindex, noodp, noarchive"
    assert second["Last-Modified"] == first["Last-Modified"]


def test_what_is_not_found_is_never_kept(client, pieces_cache):
    for _ in range(2):
        assert client.get("/sitemap-news.xml?p=9").status_code == 404
        assert client.get("/sitemap-nothing.xml").status_code == 404


def test_other_parameters_are_answered_but_never_kept(client, pieces_cache):
    NewsItemFactory()
    client.get("/en/news/feed/rss/?utm_source=newsletter")

    queries, response = _get(client, "/en/news/feed/rss/?utm_source=newsletter")

    assert response.status_code == 200
    assert queries > 0


def test_each_address_keeps_its_own_links(client, pieces_cache, settings):
    settings.PORTAL_BASE_URL = ""
    settings.ALLOWED_HOSTS = ["testserver", "portal.example.org"]

    client.get("/sitemap.xml")
    other = client.get("/sitemap.xml", HTTP_HOST="portal.example.org").content.decode()

    assert "http://portal.example.org/sitemap-" in other
    assert "testserver" not in other
