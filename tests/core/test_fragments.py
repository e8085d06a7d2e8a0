"""Pieces of a page kept per language, day and content generation
(core/fragments.py, issue 25): a signed-in visitor's home page renders its
shared sections once, a change of content is on the very next request,
and no piece of one access circle reaches another."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from archive.enums import AccessLevel
from core import fragments
from tests.factories.archive import DocumentFactory
from tests.factories.content import NewsItemFactory
from tests.factories.membership import NationalCoordinatorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fragment_cache(settings, page_cache):
    """Fragments on (the tests' settings keep them off, with the page cache);
    the signed-in user's roles read from the database each time, so that a
    count of queries counts the fragments' alone."""
    settings.FRAGMENT_CACHE_SECONDS = 600
    settings.ROLES_CACHE_SECONDS = 0
    return page_cache


def _queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_signed_in_home_page_renders_its_shared_sections_once(client, fragment_cache):
    client.force_login(UserFactory())
    NewsItemFactory(title_en="Seminar on border management")

    first, _ = _queries(client, "/en/")
    second, second_html = _queries(client, "/en/")

    # The chair, next meetings, latest documents, latest news and the
    # participant states: one query each, not repeated.
    assert first - second == 5
    assert "Seminar on border management" in second_html


def test_a_change_of_content_is_on_the_next_request(client, fragment_cache, committed):
    client.force_login(UserFactory())
    client.get("/en/")

    with committed():
        NewsItemFactory(title_en="Regional seminar on reintegration")

    assert "Regional seminar on reintegration" in client.get("/en/").content.decode()


def test_each_language_keeps_its_own_piece(client, fragment_cache):
    client.force_login(UserFactory())
    NewsItemFactory(title_ru="Семинар по управлению границами",
                    title_en="Seminar on border management")

    russian = client.get("/ru/").content.decode()
    english = client.get("/en/").content.decode()

    assert "Семинар по управлению границами" in russian
    assert "Seminar on border management" in english
    assert "Семинар по управлению границами" not in english


def test_latest_documents_of_one_access_circle_never_reach_another(client, fragment_cache):
    """A coordinator's home page lists a document for participant states;
    a visitor who comes next (an anonymous one, through a page the page
    cache does not serve) never sees it."""
    DocumentFactory(title_en="Note for the participant states",
                    access=AccessLevel.PARTICIPANTS)
    coordinator = UserFactory()
    NationalCoordinatorFactory(user=coordinator)
    client.force_login(coordinator)
    assert "Note for the participant states" in client.get("/en/").content.decode()

    client.logout()
    other = UserFactory()
    client.force_login(other)

    assert "Note for the participant states" not in client.get("/en/").content.decode()


def test_a_new_day_renders_the_piece_again(fragment_cache):
    template = Template(
        '{% load fragments %}{% fragment "clock" %}{% now "Y-m-d" %}{% endfragment %}')

    def render() -> str:
        return template.render(Context({}))

    with time_machine.travel(datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC), tick=False):
        first = render()
        again = render()
    with time_machine.travel(datetime.datetime(2026, 12, 7, 20, tzinfo=datetime.UTC), tick=False):
        next_day = render()  # 01:00 on 8 December in Almaty

    assert (first, again, next_day) == ("2026-12-07", "2026-12-07", "2026-12-08")


def test_fragments_are_off_with_the_page_cache_off_by_default(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = None
    calls = []

    for _ in range(2):
        fragments.cached("piece", lambda: calls.append(1) or "x")

    assert calls == [1, 1]


def test_a_once_piece_is_rendered_once_per_language(settings):
    """{% once %} (the layout's fixed pieces: static files' addresses,
    labels) keeps its first rendering in each language, in production; with
    DEBUG an edit shows at once."""
    from django.utils import translation

    settings.DEBUG = False
    template = Template("{% load i18n fragments %}{% once %}{% translate 'Search' context "
                        "'search field' %} {{ value }}{% endonce %}")

    with translation.override("ru"):
        assert template.render(Context({"value": 1})) == "Поиск 1"
        assert template.render(Context({"value": 2})) == "Поиск 1"
    with translation.override("en"):
        assert template.render(Context({"value": 3})) == "Search 3"

    settings.DEBUG = True
    with translation.override("ru"):
        assert template.render(Context({"value": 4})) == "Поиск 4"
