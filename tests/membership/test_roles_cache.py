"""A signed-in user's roles kept in the shared cache (membership/roles_cache.py,
issue 25): two queries fewer on every signed-in page, and never a role a
user no longer has: an ended term, a withdrawn state or a new day take
effect on the very next request."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.enums import AccessLevel
from core import generations
from tests.factories.archive import DocumentFactory
from tests.factories.membership import NationalCoordinatorFactory, UserFactory

pytestmark = pytest.mark.django_db

NOTE = "Note for the participant states"
# 12:00 UTC on 7 December 2026: 17:00 in Almaty.
NOON_UTC = datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC)


@pytest.fixture
def roles_cache(settings):
    """The roles cache on (the tests' settings keep it off with the page
    cache), empty."""
    settings.ROLES_CACHE_SECONDS = 300
    store = caches[generations.CACHE_ALIAS]
    store.clear()
    yield store
    store.clear()


@pytest.fixture
def coordinator():
    DocumentFactory(title_en=NOTE, access=AccessLevel.PARTICIPANTS)
    user = UserFactory()
    term = NationalCoordinatorFactory(user=user, start=datetime.date(2020, 1, 1))
    return user, term


def _archive(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/archive/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


@time_machine.travel(NOON_UTC, tick=False)
def test_a_coordinators_second_page_reads_no_roles_from_the_database(
    client, roles_cache, coordinator,
):
    client.force_login(coordinator[0])

    first, first_html = _archive(client)
    second, second_html = _archive(client)

    assert first - second == 2  # the coordinator's term and the focal point's
    assert NOTE in first_html
    assert NOTE in second_html


@time_machine.travel(NOON_UTC, tick=False)
def test_an_ended_term_takes_effect_on_the_next_request(
    client, roles_cache, coordinator, committed_change,
):
    user, term = coordinator
    client.force_login(user)
    assert NOTE in _archive(client)[1]

    with committed_change():
        term.end = datetime.date(2026, 12, 6)  # ended yesterday, recorded today
        term.save()

    assert NOTE not in _archive(client)[1]


@pytest.mark.dates
def test_a_term_ending_today_stops_at_midnight_in_almaty(client, roles_cache, coordinator):
    user, term = coordinator
    term.end = datetime.date(2026, 12, 7)
    term.save()
    client.force_login(user)

    # 18:59:30 UTC on 7 December is 23:59:30 in Almaty: still in office.
    with time_machine.travel(datetime.datetime(2026, 12, 7, 18, 59, 30, tzinfo=datetime.UTC),
                             tick=False):
        assert NOTE in _archive(client)[1]
    # A minute later it is 8 December in Almaty: the cached roles are of yesterday.
    with time_machine.travel(datetime.datetime(2026, 12, 7, 19, 0, 30, tzinfo=datetime.UTC),
                             tick=False):
        assert NOTE not in _archive(client)[1]


@time_machine.travel(NOON_UTC, tick=False)
def test_one_users_roles_never_reach_another(client, roles_cache, coordinator):
    client.force_login(coordinator[0])
    assert NOTE in _archive(client)[1]

    client.logout()
    client.force_login(UserFactory())

    assert NOTE not in _archive(client)[1]


@time_machine.travel(NOON_UTC, tick=False)
def test_with_the_cache_off_roles_are_read_on_every_request(client, settings, coordinator):
    settings.ROLES_CACHE_SECONDS = 0
    client.force_login(coordinator[0])

    first, _ = _archive(client)
    second, second_html = _archive(client)

    assert first == second
    assert NOTE in second_html
