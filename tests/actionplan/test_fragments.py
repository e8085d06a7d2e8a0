"""The action plan's text and the progress matrix kept per language and
content generation (issue 25): a signed-in reader, or anyone after the
page cache's entry expired, gets them without the queries; a change is on
the next request; a participants' note never reaches the public."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actionplan.enums import NoteVisibility, ProgressStatus
from actionplan.models import Action
from tests.factories.actionplan import ActionProgressFactory, ProgressNoteFactory
from tests.factories.membership import UserFactory

pytestmark = pytest.mark.django_db


def _get(client, path) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_signed_in_reader_gets_the_plans_text_without_its_queries(
    client, pieces_cache, plan,
):
    client.force_login(UserFactory())

    first, first_html = _get(client, "/en/action-plan/")
    second, second_html = _get(client, "/en/action-plan/")

    assert "Set up mechanisms" in first_html
    assert "Set up mechanisms" in second_html
    assert second < first - 3  # areas, their items, the framework, the versions


def test_a_change_of_the_plan_is_on_the_next_request(client, pieces_cache, committed_change, plan):
    client.get("/en/action-plan/")

    with committed_change():
        action = Action.objects.order_by("area__number", "order").first()
        action.text_en = "Set up national referral mechanisms"
        action.save()

    assert "Set up national referral mechanisms" in _get(client, "/en/action-plan/")[1]


def test_the_progress_matrix_is_kept_and_follows_a_new_answer(
    client, pieces_cache, committed_change, endorsed, kyrgyzstan,
):
    first, html = _get(client, "/en/action-plan/progress/")
    second, _ = _get(client, "/en/action-plan/progress/")
    assert second < first - 3  # the matrix's states, areas, actions and answers
    missing = html.count("status--missing")

    with committed_change():
        third = Action.objects.order_by("area__number", "order").last()
        ActionProgressFactory(round=endorsed, action=third, state=kyrgyzstan,
                              status=ProgressStatus.IN_PROGRESS)

    html = _get(client, "/en/action-plan/progress/")[1]
    assert html.count("status--missing") == missing - 1  # Kyrgyzstan's missing answer, given


def test_a_participants_note_never_reaches_the_public_through_the_kept_notes(
    client, pieces_cache, endorsed, kazakhstan, kaz_coordinator,
):
    progress = endorsed.progress.filter(state=kazakhstan).first()
    ProgressNoteFactory(progress=progress, visibility=NoteVisibility.PARTICIPANTS,
                        text="Draft bilateral agreement under discussion")
    client.force_login(kaz_coordinator)
    assert "Draft bilateral agreement" in _get(client, "/en/action-plan/progress/")[1]

    client.logout()

    assert "Draft bilateral agreement" not in _get(client, "/en/action-plan/progress/")[1]


def test_a_kept_plan_page_asks_the_database_for_nothing_but_the_visitor(
    client, pieces_cache, plan,
):
    """The version shown is kept with the text: a second anonymous visit
    runs no query at all (the page cache is off in the tests)."""
    _get(client, "/en/action-plan/")

    queries, html = _get(client, "/en/action-plan/")

    assert "Set up mechanisms" in html
    assert queries == 0


def test_a_version_that_does_not_exist_stays_not_found_when_kept(client, pieces_cache, plan):
    assert client.get("/en/action-plan/v9/").status_code == 404
    assert client.get("/en/action-plan/v9/").status_code == 404


def test_a_new_version_is_the_current_one_on_the_next_request(
    client, pieces_cache, committed_change, plan,
):
    from actionplan import services

    _get(client, "/en/action-plan/")

    with committed_change():
        newer = services.plan_create_version(previous=plan, title_en="Regional Action Plan 2016")

    assert "Regional Action Plan 2016" in _get(client, "/en/action-plan/")[1]
    assert newer.version == 2


def test_a_round_the_public_may_not_see_never_reaches_it_through_the_kept_choice(
    client, pieces_cache, endorsed, plan,
):
    from tests.factories.actionplan import ReportingRoundFactory
    from tests.factories.meetings import MeetingFactory
    from tests.factories.membership import StaffUserFactory

    ReportingRoundFactory(plan=plan, meeting=MeetingFactory(title_en="Open round's meeting"))
    client.force_login(StaffUserFactory())
    assert "Open round&#x27;s meeting" in _get(client, "/en/action-plan/progress/")[1]

    client.logout()
    _first, html = _get(client, "/en/action-plan/progress/")
    second, _ = _get(client, "/en/action-plan/progress/")

    assert "Open round&#x27;s meeting" not in html
    assert second == 0  # the rounds, the reports and the pieces: all kept


def test_a_finished_report_is_offered_on_the_next_request(
    client, pieces_cache, committed_change, endorsed,
):
    from actionplan.enums import ReportStatus
    from actionplan.models import ProgressReport

    assert "Progress report (PDF, English)" not in _get(client, "/en/action-plan/progress/")[1]

    with committed_change():
        ProgressReport.objects.create(round=endorsed, language="en", status=ReportStatus.DONE)

    assert "Progress report (PDF, English)" in _get(client, "/en/action-plan/progress/")[1]


def test_the_report_form_reads_the_open_round_kept_and_follows_its_closing(
    client, pieces_cache, committed_change, plan, kaz_coordinator,
):
    """The open round is the same for every coordinator: kept to show the
    form, and a round closed is on the next request."""
    from actionplan.enums import RoundStatus
    from tests.factories.actionplan import ReportingRoundFactory

    open_round = ReportingRoundFactory(plan=plan)
    client.force_login(kaz_coordinator)
    first, html = _get(client, "/en/action-plan/report/")
    second, _ = _get(client, "/en/action-plan/report/")
    assert second < first
    assert 'name="status_' in html  # the form of the open round

    with committed_change():
        open_round.status = RoundStatus.CLOSED
        open_round.save()

    html = _get(client, "/en/action-plan/report/")[1]
    assert 'name="status_' not in html
