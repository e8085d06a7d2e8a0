"""The participant states' table kept per page, language, Almaty date,
contacts shown or not and content generation (issue 25): a signed-in
visitor reads it without its queries; a coordinator newly in office is on
the next request; the coordinators' contacts kept for those who may see
them never reach a visitor who may not; a query with other parameters is
never kept."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.membership import (
    NationalCoordinatorFactory,
    ParticipantStateFactory,
    StaffUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NOON_UTC = datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC)


def _states(client, query="") -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/en/states/{query}")
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.fixture
def kazakhstan():
    state = ParticipantStateFactory(name_en="Kazakhstan", name_ru="Казахстан", iso3="KAZ")
    NationalCoordinatorFactory(state=state, full_name_en="Aigerim Sadykova",
                               email="aigerim@example.org")
    return state


@time_machine.travel(NOON_UTC, tick=False)
def test_a_signed_in_visitor_reads_the_kept_table_without_its_queries(
    client, pieces_cache, kazakhstan
):
    client.force_login(UserFactory())

    first, first_html = _states(client)
    second, second_html = _states(client)

    assert "Aigerim Sadykova" in first_html
    assert "Aigerim Sadykova" in second_html
    assert second <= first - 3  # the count, the states, their periods and coordinators


@time_machine.travel(NOON_UTC, tick=False)
def test_a_new_coordinator_is_on_the_next_request(
    client, pieces_cache, committed_change, kazakhstan
):
    _states(client)

    with committed_change():
        kazakhstan.coordinators.update(end=datetime.date(2026, 12, 6))
        NationalCoordinatorFactory(state=kazakhstan, full_name_en="Dana Nurlanova",
                                   start=datetime.date(2026, 12, 7))

    html = _states(client)[1]
    assert "Dana Nurlanova" in html
    assert "Aigerim Sadykova" not in html


@time_machine.travel(NOON_UTC, tick=False)
def test_contacts_kept_for_the_staff_never_reach_the_public(
    client, pieces_cache, kazakhstan
):
    client.force_login(StaffUserFactory())
    assert "aigerim@example.org" in _states(client)[1]
    client.logout()

    assert "aigerim@example.org" not in _states(client)[1]


@time_machine.travel(NOON_UTC, tick=False)
def test_other_parameters_are_never_kept_for_the_next_visitor(client, pieces_cache):
    for number in range(30):  # two pages
        ParticipantStateFactory(name_en=f"State {number:02}")

    _, marked = _states(client, "?utm_source=newsletter")
    _, plain = _states(client)

    assert "utm_source=newsletter" in marked  # the pager keeps the query string
    assert "utm_source" not in plain


@time_machine.travel(NOON_UTC, tick=False)
def test_a_page_past_the_last_is_still_not_found(client, pieces_cache, kazakhstan):
    assert client.get("/en/states/?page=9").status_code == 404
    assert client.get("/en/states/?page=9").status_code == 404
