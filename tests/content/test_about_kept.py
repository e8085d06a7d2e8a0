"""The About page's body kept per language, day and content generation
(issue 25): a signed-in visitor reads it without its queries; a section the
secretariat edits is on the next request; each language keeps its own."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import AboutSection
from tests.factories.content import AboutSectionFactory
from tests.factories.membership import UserFactory

pytestmark = pytest.mark.django_db

NOON_UTC = datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC)


def _about(client, language="en") -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/{language}/about/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


@time_machine.travel(NOON_UTC, tick=False)
def test_a_signed_in_visitor_reads_the_kept_body_without_its_queries(client, pieces_cache):
    client.force_login(UserFactory())

    first, first_html = _about(client)
    second, second_html = _about(client)

    assert "The term of office will be two years." in first_html
    assert second_html.count("The term of office will be two years.") == 1
    assert second <= first - 3  # sections, themes, history


@time_machine.travel(NOON_UTC, tick=False)
def test_an_edited_section_is_on_the_next_request(client, pieces_cache, committed_change):
    _about(client)
    _about(client, "ru")

    with committed_change():
        AboutSectionFactory(title_en="Funding of the Support Unit",
                            title_ru="Финансирование Службы поддержки")

    assert "Funding of the Support Unit" in _about(client)[1]
    assert "Финансирование Службы поддержки" in _about(client, "ru")[1]


@time_machine.travel(NOON_UTC, tick=False)
def test_a_hidden_section_leaves_the_kept_page(client, pieces_cache, committed_change):
    assert "Decisions at the meetings" in _about(client)[1]

    with committed_change():
        section = AboutSection.objects.get(title_en__startswith="Decision")
        section.is_shown = False
        section.save()

    assert "Decisions at the meetings" not in _about(client)[1]
