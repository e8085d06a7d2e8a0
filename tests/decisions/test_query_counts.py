"""The register's pages run as many queries with many outcomes, documents,
themes, states and follow-up items as with few (an N+1 shows at once)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.decisions.conftest import coordinator_of
from tests.factories.archive import DocumentFactory, ThemeFactory
from tests.factories.decisions import FollowUpItemFactory
from tests.factories.meetings import MeetingOutcomeFactory
from tests.factories.membership import ParticipantStateFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def add_outcomes(som, state, count: int):
    outcomes = []
    for _ in range(count):
        outcome = MeetingOutcomeFactory(meeting=som, adopted_on=D(2024, 6, 12))
        outcome.themes.add(ThemeFactory())
        outcome.states.add(state, ParticipantStateFactory())
        outcome.documents.add(DocumentFactory(), DocumentFactory())
        item = FollowUpItemFactory(outcome=outcome, state=state)
        item.evidence.add(DocumentFactory())
        outcomes.append(outcome)
    return outcomes


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(f"decisions:{name}", kwargs=kwargs)


@pytest.mark.parametrize("name", ["register", "feed_rss", "feed_atom"])
def test_list_pages_queries_do_not_grow(client, som_2024, kazakhstan, name):
    add_outcomes(som_2024, kazakhstan, 1)
    few = queries_of(client, url(name))
    add_outcomes(som_2024, kazakhstan, 4)
    many = queries_of(client, url(name))

    assert few == many


def test_register_search_queries_do_not_grow(client, som_2024, kazakhstan):
    add_outcomes(som_2024, kazakhstan, 1)
    few = queries_of(client, url("register") + "?q=work+plan&year=2024")
    add_outcomes(som_2024, kazakhstan, 4)

    assert queries_of(client, url("register") + "?q=work+plan&year=2024") == few


def test_outcome_page_queries_do_not_grow(client, som_2024, kazakhstan):
    outcome = add_outcomes(som_2024, kazakhstan, 1)[0]
    few = queries_of(client, url("outcome", pk=outcome.pk))
    outcome.themes.add(ThemeFactory(), ThemeFactory())
    outcome.states.add(ParticipantStateFactory(), ParticipantStateFactory())
    outcome.documents.add(DocumentFactory(), DocumentFactory(), DocumentFactory())
    for _ in range(3):
        FollowUpItemFactory(outcome=outcome, state=kazakhstan).evidence.add(DocumentFactory())

    assert queries_of(client, url("outcome", pk=outcome.pk)) == few


def test_follow_up_page_queries_do_not_grow(client, som_2024, kazakhstan):
    client.force_login(coordinator_of(kazakhstan))
    add_outcomes(som_2024, kazakhstan, 1)
    few = queries_of(client, url("follow_up"))
    add_outcomes(som_2024, kazakhstan, 4)

    assert queries_of(client, url("follow_up")) == few


def test_sitemap_queries_do_not_grow(client, som_2024, kazakhstan):
    add_outcomes(som_2024, kazakhstan, 1)
    few = queries_of(client, "/sitemap-decisions.xml")
    add_outcomes(som_2024, kazakhstan, 4)

    assert queries_of(client, "/sitemap-decisions.xml") == few
