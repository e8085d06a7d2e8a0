"""The chairmanship page's body kept per language, Almaty date and content
generation (issue 25): read once for every visitor of the day, signed in
or not, and a recorded term is on the very next request."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.chairmanship import ChairmanshipFactory
from tests.factories.membership import ParticipantStateFactory, UserFactory

pytestmark = pytest.mark.django_db

NOON_UTC = datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC)


def _overview(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/chairmanship/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


@time_machine.travel(NOON_UTC, tick=False)
def test_a_signed_in_visitor_reads_the_kept_page_without_its_queries(client, pieces_cache):
    ChairmanshipFactory(state=ParticipantStateFactory(name_en="Kazakhstan"),
                        start=datetime.date(2025, 6, 5))
    client.force_login(UserFactory())

    first, first_html = _overview(client)
    second, second_html = _overview(client)

    assert "Kazakhstan" in first_html
    assert "Kazakhstan" in second_html
    assert second <= first - 4  # terms, rotation, declined turns, projection


@time_machine.travel(NOON_UTC, tick=False)
def test_a_recorded_term_is_on_the_next_request(client, pieces_cache, committed_change):
    kyrgyzstan = ParticipantStateFactory(name_en="Kyrgyzstan")
    ChairmanshipFactory(state=ParticipantStateFactory(name_en="Kazakhstan"),
                        start=datetime.date(2023, 6, 5))
    assert "Kyrgyzstan" not in _overview(client)[1].split("The rotation ahead")[0]

    with committed_change():
        ChairmanshipFactory(state=kyrgyzstan, start=datetime.date(2025, 6, 5))

    current = _overview(client)[1].split("Terms since 2013")[0]
    assert "Kyrgyzstan" in current
