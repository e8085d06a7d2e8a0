import datetime

import pytest

from archive.enums import AccessLevel, PublicationStatus
from meetings.enums import MeetingDocumentRole, MeetingStatus
from meetings.selectors import (
    meeting_chair,
    meeting_documents_for,
    meetings_for_list,
    meetings_of_document,
    meetings_open_for_registration,
)
from tests.factories.archive import DocumentFactory
from tests.factories.meetings import MeetingDocumentFactory, MeetingFactory
from tests.factories.membership import NationalCoordinatorFactory, StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def test_meeting_chair_is_the_state_chairing_on_the_first_day(terms):
    kazakhstan_term, _kyrgyzstan_term = terms
    meeting = MeetingFactory(start=D(2015, 6, 4), end=D(2015, 6, 5))

    chair = meeting_chair(meeting=meeting)

    assert (chair.state, chair.term, chair.overridden) == (
        kazakhstan_term.state, kazakhstan_term, False,
    )


def test_meeting_chair_is_none_before_the_first_term(terms):
    meeting = MeetingFactory(start=D(2013, 6, 4), end=D(2013, 6, 5))

    assert meeting_chair(meeting=meeting).state is None


def test_meeting_chair_recorded_instead_comes_with_its_reason(terms, kyrgyzstan):
    meeting = MeetingFactory(
        start=D(2014, 3, 1), end=D(2014, 3, 1), chair_override=kyrgyzstan,
        chair_override_reason_en="The Chair asked the host to chair this seminar.",
    )

    chair = meeting_chair(meeting=meeting)

    assert (chair.state, chair.term, chair.overridden) == (kyrgyzstan, None, True)
    assert chair.reason == meeting.chair_override_reason


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("anonymous", ["public agenda"]),
        ("coordinator", ["public agenda", "participants' note"]),
        ("staff", ["public agenda", "participants' note", "secretariat memo"]),
    ],
)
def test_meeting_documents_follow_the_archive_access_rule(role, visible):
    meeting = MeetingFactory()
    for position, (title, access, status) in enumerate([
        ("secretariat memo", AccessLevel.SECRETARIAT, PublicationStatus.PUBLISHED),
        ("participants' note", AccessLevel.PARTICIPANTS, PublicationStatus.PUBLISHED),
        ("draft", AccessLevel.PUBLIC, PublicationStatus.DRAFT),
        ("public agenda", AccessLevel.PUBLIC, PublicationStatus.PUBLISHED),
    ]):
        MeetingDocumentFactory(
            meeting=meeting, position=10 - position, role=MeetingDocumentRole.AGENDA,
            document=DocumentFactory(title_en=title, access=access, status=status),
        )
    user = {"anonymous": None, "staff": StaffUserFactory()}.get(role)
    if role == "coordinator":
        user = UserFactory()
        NationalCoordinatorFactory(user=user)

    links = meeting_documents_for(meeting=meeting, user=user)

    assert [link.document.title_en for link in links] == visible


def test_meetings_for_list_puts_upcoming_first_soonest_first_then_past_latest_first():
    today = D(2026, 6, 1)
    past_old = MeetingFactory(start=D(2024, 1, 1), end=D(2024, 1, 1))
    next_but_one = MeetingFactory(start=D(2026, 9, 1), end=D(2026, 9, 2))
    past_recent = MeetingFactory(start=D(2026, 5, 1), end=D(2026, 5, 2))
    under_way = MeetingFactory(start=D(2026, 5, 31), end=D(2026, 6, 1))
    next_one = MeetingFactory(start=D(2026, 7, 1), end=D(2026, 7, 1))

    meetings = list(meetings_for_list(today=today))

    assert meetings == [under_way, next_one, next_but_one, past_recent, past_old]
    assert [m.is_past for m in meetings] == [0, 0, 0, 1, 1]


def test_meetings_of_document_latest_first():
    document = DocumentFactory()
    older = MeetingDocumentFactory(document=document, meeting=MeetingFactory(
        start=D(2019, 1, 1), end=D(2019, 1, 1))).meeting
    newer = MeetingDocumentFactory(document=document, meeting=MeetingFactory(
        start=D(2020, 1, 1), end=D(2020, 1, 1))).meeting
    MeetingFactory()

    assert meetings_of_document(document=document) == [newer, older]


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime.datetime(2026, 8, 31, 23, 59, tzinfo=datetime.UTC), []),
        (datetime.datetime(2026, 9, 1, 0, 0, tzinfo=datetime.UTC), ["open"]),
        (datetime.datetime(2026, 9, 30, 23, 59, tzinfo=datetime.UTC), ["open"]),
        (datetime.datetime(2026, 10, 1, 0, 0, tzinfo=datetime.UTC), []),
    ],
)
def test_meetings_open_for_registration_within_the_window(now, expected):
    window = {
        "registration_opens": datetime.datetime(2026, 9, 1, tzinfo=datetime.UTC),
        "registration_closes": datetime.datetime(2026, 10, 1, tzinfo=datetime.UTC),
        "start": D(2026, 10, 15), "end": D(2026, 10, 16),
    }
    MeetingFactory(slug="open", status=MeetingStatus.REGISTRATION_OPEN, **window)
    MeetingFactory(slug="closed-by-status", status=MeetingStatus.REGISTRATION_CLOSED, **window)

    meetings = list(meetings_open_for_registration(now=now))

    assert [m.slug for m in meetings] == expected
    assert [m.registration_is_open(now=now) for m in meetings] == [True] * len(expected)
