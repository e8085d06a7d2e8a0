"""The action plan's text and the progress matrix kept per language and
content generation (issue 25): a signed-in reader, or anyone after the
page cache's entry expired, gets them without the queries; a change is on
the next request; a participants' note never reaches the public."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from actionplan.enums import NoteVisibility, ProgressStatus
from actionplan.models import Action
from core import generations
from tests.factories.actionplan import ActionProgressFactory, ProgressNoteFactory
from tests.factories.membership import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fragment_cache(settings):
    """Pieces of pages kept (the tests' settings keep them off); the roles
    read each time, so that the counts are the pieces' alone."""
    settings.FRAGMENT_CACHE_SECONDS = 600
    settings.ROLES_CACHE_SECONDS = 0
    store = caches[generations.CACHE_ALIAS]
    store.clear()
    yield store
    store.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as if its transaction committed (its generation bumps
    run), the arranged rows' pending bumps dropped first."""

    @contextmanager
    def change():
        bumps = set(map(id, generations._bumpers.values()))
        pending = transaction.get_connection().run_on_commit
        pending[:] = [entry for entry in pending if id(entry[1]) not in bumps]
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return change


def _get(client, path) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_signed_in_reader_gets_the_plans_text_without_its_queries(
    client, fragment_cache, plan,
):
    client.force_login(UserFactory())

    first, first_html = _get(client, "/en/action-plan/")
    second, second_html = _get(client, "/en/action-plan/")

    assert "Set up mechanisms" in first_html
    assert "Set up mechanisms" in second_html
    assert second < first - 3  # areas, their items, the framework, the versions


def test_a_change_of_the_plan_is_on_the_next_request(client, fragment_cache, committed, plan):
    client.get("/en/action-plan/")

    with committed():
        action = Action.objects.order_by("area__number", "order").first()
        action.text_en = "Set up national referral mechanisms"
        action.save()

    assert "Set up national referral mechanisms" in _get(client, "/en/action-plan/")[1]


def test_the_progress_matrix_is_kept_and_follows_a_new_answer(
    client, fragment_cache, committed, endorsed, kyrgyzstan,
):
    first, html = _get(client, "/en/action-plan/progress/")
    second, _ = _get(client, "/en/action-plan/progress/")
    assert second < first - 3  # the matrix's states, areas, actions and answers
    missing = html.count("status--missing")

    with committed():
        third = Action.objects.order_by("area__number", "order").last()
        ActionProgressFactory(round=endorsed, action=third, state=kyrgyzstan,
                              status=ProgressStatus.IN_PROGRESS)

    html = _get(client, "/en/action-plan/progress/")[1]
    assert html.count("status--missing") == missing - 1  # Kyrgyzstan's missing answer, given


def test_a_participants_note_never_reaches_the_public_through_the_kept_notes(
    client, fragment_cache, endorsed, kazakhstan, kaz_coordinator,
):
    progress = endorsed.progress.filter(state=kazakhstan).first()
    ProgressNoteFactory(progress=progress, visibility=NoteVisibility.PARTICIPANTS,
                        text="Draft bilateral agreement under discussion")
    client.force_login(kaz_coordinator)
    assert "Draft bilateral agreement" in _get(client, "/en/action-plan/progress/")[1]

    client.logout()

    assert "Draft bilateral agreement" not in _get(client, "/en/action-plan/progress/")[1]
