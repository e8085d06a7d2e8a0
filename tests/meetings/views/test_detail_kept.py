"""A meeting page's body kept per meeting, language, Almaty date, access
circle, registration closed or not, and content generation (issue 25): a
signed-in reader's second visit runs fewer queries; a change shows at once;
a restricted document seen by a coordinator never reaches an anonymous
visitor through the kept body; the briefing packs panel stays each reader's
own (coordinator A's pack never shown to coordinator B)."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.enums import AccessLevel
from briefings.enums import PackKind, PackStatus
from briefings.models import BriefingPack
from meetings.enums import MeetingDocumentRole, MeetingStatus
from tests.factories.archive import DocumentFactory
from tests.factories.meetings import (
    AgendaItemFactory,
    DelegationFactory,
    MeetingDocumentFactory,
    MeetingFactory,
    MeetingOutcomeFactory,
)
from tests.factories.membership import (
    NationalCoordinatorFactory,
    ParticipantStateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NOON_UTC = datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC)
PATH = "/en/meetings/som-2026/"


@pytest.fixture(autouse=True)
def _noon():
    with time_machine.travel(NOON_UTC, tick=False):
        yield


@pytest.fixture
def som():
    """A held SOM with its agenda, an outcome, a public and a participants'
    document, and a state that took part."""
    meeting = MeetingFactory(slug="som-2026", title_en="Senior Officials' Meeting 2026",
                             start=datetime.date(2026, 10, 15), end=datetime.date(2026, 10, 16),
                             status=MeetingStatus.HELD)
    AgendaItemFactory(meeting=meeting, title_en="Opening of the meeting")
    MeetingOutcomeFactory(meeting=meeting, text_en="The work plan was adopted.")
    MeetingDocumentFactory(meeting=meeting, role=MeetingDocumentRole.AGENDA,
                           document=DocumentFactory(title_en="Annotated agenda"))
    MeetingDocumentFactory(meeting=meeting, role=MeetingDocumentRole.OUTCOME, document=(
        DocumentFactory(title_en="Participants' conclusions", access=AccessLevel.PARTICIPANTS)
    ))
    DelegationFactory(meeting=meeting, state=ParticipantStateFactory(name_en="Tajikistan"))
    return meeting


def _coordinator(state=None):
    user = UserFactory()
    NationalCoordinatorFactory(user=user, **({"state": state} if state else {}))
    return user


def _page(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PATH)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_signed_in_reader_gets_the_kept_body_without_its_queries(client, pieces_cache, som):
    client.force_login(_coordinator())

    first, first_html = _page(client)
    second, second_html = _page(client)

    for shown in ("Opening of the meeting", "The work plan was adopted.", "Annotated agenda",
                  "Tajikistan"):
        assert shown in first_html
        assert shown in second_html
    assert second_html.count("<section") == first_html.count("<section")
    # Chair, agenda, themes, outcomes, documents, participants.
    assert second <= first - 5


def test_a_change_of_the_meeting_is_on_the_next_request(client, pieces_cache, committed_change,
                                                        som):
    client.force_login(_coordinator())
    _page(client)

    with committed_change():
        AgendaItemFactory(meeting=som, title_en="Adoption of the report")

    assert "Adoption of the report" in _page(client)[1]


def test_a_restricted_document_never_reaches_an_anonymous_visitor(client, pieces_cache, som):
    client.force_login(_coordinator())
    assert "Participants&#x27; conclusions" in _page(client)[1]

    client.logout()
    html = _page(client)[1]

    assert "Annotated agenda" in html
    assert "Participants&#x27; conclusions" not in html


def test_the_packs_panel_stays_each_coordinators_own(client, pieces_cache, som):
    registered = ParticipantStateFactory(name_en="Kazakhstan")
    DelegationFactory(meeting=som, state=registered)
    BriefingPack.objects.create(
        meeting=som, kind=PackKind.BRIEFING, language="en", restricted=True,
        status=PackStatus.DONE, file="packs/som-2026-en.pdf", page_count=12, size=2048,
        version=1, finished_at=NOON_UTC,
    )
    client.force_login(_coordinator(registered))
    assert 'id="packs-title"' in _page(client)[1]

    client.force_login(_coordinator())  # another state's, not registered
    html = _page(client)[1]

    assert "Annotated agenda" in html
    assert 'id="packs-title"' not in html


def test_a_document_made_restricted_leaves_the_kept_body_at_once(client, pieces_cache,
                                                                 committed_change, som):
    assert "Annotated agenda" in _page(client)[1]

    with committed_change():
        document = som.document_links.get(document__title_en="Annotated agenda").document
        document.access = AccessLevel.PARTICIPANTS
        document.save()

    assert "Annotated agenda" not in _page(client)[1]


def _pack(meeting, **fields):
    values = {"kind": PackKind.BRIEFING, "language": "en", "restricted": True,
              "status": PackStatus.DONE, "file": "packs/som-2026-en.pdf", "page_count": 12,
              "size": 2048, "version": 1, "finished_at": NOON_UTC, **fields}
    return BriefingPack.objects.create(meeting=meeting, **values)


def test_a_kept_page_asks_an_anonymous_visitor_for_nothing(client, pieces_cache, som):
    """The meeting, its body and its public packs are kept: a second visit
    runs no query at all (the page cache is off in the tests)."""
    _page(client)

    queries, html = _page(client)

    assert "Opening of the meeting" in html
    assert queries == 0


def test_an_unknown_meeting_stays_not_found_when_kept(client, pieces_cache, som):
    assert client.get("/en/meetings/no-such-meeting/").status_code == 404
    assert client.get("/en/meetings/no-such-meeting/").status_code == 404


def test_a_public_pack_built_is_offered_on_the_next_request(client, pieces_cache,
                                                           committed_change, som):
    assert 'id="packs-title"' not in _page(client)[1]

    with committed_change():
        _pack(som, kind=PackKind.PROCEEDINGS, restricted=False, file_restricted=False)

    assert 'id="packs-title"' in _page(client)[1]


def test_a_restricted_pack_kept_for_the_staff_never_reaches_the_public(client, pieces_cache,
                                                                      som):
    from tests.factories.membership import StaffUserFactory

    _pack(som)
    client.force_login(StaffUserFactory())
    assert 'id="packs-title"' in _page(client)[1]

    client.logout()

    assert 'id="packs-title"' not in _page(client)[1]
