import datetime
import html
import re
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.html import strip_tags

from meetings.enums import MeetingDocumentRole, MeetingKind, MeetingStatus, OutcomeKind
from meetings.models import Meeting
from meetings.services import (
    agenda_item_add,
    meeting_create,
    meeting_document_link,
    meeting_update,
    outcome_record,
)
from tests.factories.archive import DocumentFactory, ThemeFactory
from tests.factories.meetings import MeetingFactory, MeetingOutcomeFactory

pytestmark = pytest.mark.django_db

D = datetime.date
ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")


def som(**overrides):
    fields = {
        "kind": MeetingKind.SENIOR_OFFICIALS, "title_ru": "Совещание старших должностных лиц",
        "title_en": "Senior Officials' Meeting", "start": D(2025, 10, 15),
        "end": D(2025, 10, 16), "city_ru": "Алматы", "city_en": "Almaty",
    }
    return {**fields, **overrides}


@pytest.fixture
def english():
    """English for the whole test: the messages' dates are formatted when
    raised, the messages themselves when read."""
    with translation.override("en"):
        yield


def errors_of(exc: pytest.ExceptionInfo) -> dict[str, list[str]]:
    return exc.value.message_dict


# --- Meetings -------------------------------------------------------------------

def test_meeting_create_makes_the_slug_from_the_english_title_and_year():
    meeting = meeting_create(**som())

    assert meeting.slug == "senior-officials-meeting-2025"


def test_meeting_create_numbers_a_slug_already_taken():
    meeting_create(**som())

    second = meeting_create(**som(start=D(2025, 11, 1), end=D(2025, 11, 1)))

    assert second.slug == "senior-officials-meeting-2025-2"


def test_meeting_create_sets_themes_and_the_author(editor):
    theme = ThemeFactory()

    meeting = meeting_create(**som(), themes=[theme], created_by=editor)

    assert list(meeting.themes.all()) == [theme]
    assert meeting.created_by == editor


def test_meeting_create_refuses_an_end_before_the_start_in_russian():
    with pytest.raises(ValidationError) as exc:
        meeting_create(**som(end=D(2025, 10, 14)))

    assert errors_of(exc)["end"] == ["Последний день не может быть раньше первого."]


def test_meeting_create_refuses_registration_closing_after_the_meeting_starts(english):
    with pytest.raises(ValidationError) as exc:
        meeting_create(**som(
            status=MeetingStatus.REGISTRATION_OPEN,
            registration_opens=datetime.datetime(2025, 9, 1, 9, tzinfo=ALMATY),
            registration_closes=datetime.datetime(2025, 10, 15, 0, 30, tzinfo=ALMATY),
        ))

    assert errors_of(exc)["registration_closes"] == [
        "Registration must close before the meeting starts (15 October 2025, Asia/Almaty)."
    ]


@pytest.mark.dates
def test_registration_deadline_is_read_in_the_meetings_time_zone(english, client):
    # 00:30 on the first day in Almaty is still 22:30 the day before in
    # Istanbul: refused for a meeting in Almaty (above), accepted in Istanbul,
    # and its page gives the deadline in Istanbul's time.
    deadline = datetime.datetime(2025, 10, 15, 0, 30, tzinfo=ALMATY)
    window = {"status": MeetingStatus.REGISTRATION_OPEN, "registration_closes": deadline,
              "registration_opens": datetime.datetime(2025, 9, 1, 9, tzinfo=ALMATY)}
    with pytest.raises(ValidationError) as exc:
        meeting_create(**som(time_zone="Asia/Almaty", **window))

    meeting = meeting_create(**som(time_zone="Europe/Istanbul", **window))
    with time_machine.travel(datetime.datetime(2025, 9, 10, 23, 30, tzinfo=datetime.UTC),
                             tick=False):
        response = client.get(f"/en/meetings/{meeting.slug}/")

    assert errors_of(exc)["registration_closes"] == [
        "Registration must close before the meeting starts (15 October 2025, Asia/Almaty)."
    ]
    assert "from 1 September 2025, 07:00 to 14 October 2025, 22:30 (Europe/Istanbul time)" in (
        re.sub(r"\s+", " ", html.unescape(strip_tags(response.content.decode())))
    )


def test_meeting_create_refuses_registration_closing_before_it_opens(english):
    with pytest.raises(ValidationError) as exc:
        meeting_create(**som(
            registration_opens=datetime.datetime(2025, 9, 2, 9, tzinfo=ALMATY),
            registration_closes=datetime.datetime(2025, 9, 1, 9, tzinfo=ALMATY),
        ))

    assert errors_of(exc)["registration_closes"] == ["Registration must close after it opens."]


def test_meeting_create_refuses_open_registration_without_dates(english):
    with pytest.raises(ValidationError) as exc:
        meeting_create(**som(status=MeetingStatus.REGISTRATION_OPEN))

    assert errors_of(exc)["registration_opens"] == [
        "A meeting open for registration needs the registration dates."
    ]


def test_meeting_create_refuses_a_national_consultation_without_host_state(english):
    with pytest.raises(ValidationError) as exc:
        meeting_create(**som(kind=MeetingKind.NATIONAL_CONSULTATION))

    assert errors_of(exc)["host_state"] == [
        "A national consultation is held by one state: choose the host state."
    ]


def test_meeting_create_refuses_another_chair_without_a_reason(english, kyrgyzstan):
    with pytest.raises(ValidationError) as exc:
        meeting_create(**som(chair_override=kyrgyzstan))

    assert errors_of(exc)["chair_override_reason_ru"] == [
        "Say why another state chairs this meeting."
    ]


def test_meeting_create_refuses_an_unknown_time_zone_and_language(english):
    with pytest.raises(ValidationError) as exc:
        meeting_create(**som(time_zone="Central Asia/Almaty", working_languages=["ru", "xx"]))

    assert errors_of(exc) == {
        "time_zone": ["“Central Asia/Almaty” is not a time zone name such as Asia/Almaty."],
        "working_languages": ["Unknown working language: xx."],
    }


def test_meeting_update_refuses_non_ministerial_kind_with_an_amendment(english):
    meeting = MeetingFactory(kind=MeetingKind.MINISTERIAL)
    MeetingOutcomeFactory(meeting=meeting, kind=OutcomeKind.AMENDMENT)

    with pytest.raises(ValidationError) as exc:
        meeting_update(meeting=meeting, data={"kind": MeetingKind.SENIOR_OFFICIALS})

    assert list(errors_of(exc)) == ["kind"]
    assert Meeting.objects.get(pk=meeting.pk).kind == MeetingKind.MINISTERIAL


def test_meeting_update_refuses_dates_that_leave_an_outcome_outside():
    meeting = MeetingFactory(start=D(2024, 10, 15), end=D(2024, 10, 16))
    MeetingOutcomeFactory(meeting=meeting, adopted_on=D(2024, 10, 16))

    with pytest.raises(ValidationError) as exc:
        meeting_update(meeting=meeting, data={"end": D(2024, 10, 15)})

    assert list(errors_of(exc)) == ["start"]
    assert Meeting.objects.get(pk=meeting.pk).end == D(2024, 10, 16)


@pytest.mark.parametrize(
    ("condition", "fields"),
    [
        ("end_before_start", {"end": D(2025, 10, 14)}),
        ("delegation_of_zero", {"max_delegation_size": 0}),
        ("consultation_without_host", {"kind": MeetingKind.NATIONAL_CONSULTATION}),
        ("open_without_window", {"status": MeetingStatus.REGISTRATION_OPEN}),
        ("half_a_window", {"registration_opens": datetime.datetime(2025, 9, 1, tzinfo=ALMATY)}),
    ],
)
def test_database_refuses_a_meeting_with(condition, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(**{**som(), "slug": "x", **fields})


# --- Agenda -------------------------------------------------------------------

def test_agenda_item_add_numbers_items_in_order():
    meeting = MeetingFactory()

    first = agenda_item_add(meeting=meeting, title_ru="Открытие", title_en="Opening")
    second = agenda_item_add(meeting=meeting, title_ru="Обзор", title_en="Review")

    assert [first.position, second.position] == [1, 2]


def test_agenda_item_add_refuses_a_day_outside_the_meeting():
    meeting = MeetingFactory(start=D(2024, 10, 15), end=D(2024, 10, 16))

    with pytest.raises(ValidationError) as exc:
        agenda_item_add(meeting=meeting, title_ru="Экскурсия", day=D(2024, 10, 17))

    assert errors_of(exc)["day"] == [
        "День должен быть одним из дней совещания (15 октября 2024 – 16 октября 2024)."
    ]


def test_agenda_item_add_refuses_an_end_before_the_start(english):
    meeting = MeetingFactory()

    with pytest.raises(ValidationError) as exc:
        agenda_item_add(meeting=meeting, title_en="Lunch", start_time=datetime.time(13),
                        end_time=datetime.time(12))

    assert errors_of(exc)["end_time"] == ["An agenda item ends after it starts."]


# --- Outcomes -----------------------------------------------------------------

def test_outcome_record_refuses_an_amendment_outside_a_ministerial_conference():
    meeting = MeetingFactory(kind=MeetingKind.SENIOR_OFFICIALS)

    with pytest.raises(ValidationError) as exc:
        outcome_record(meeting=meeting, kind=OutcomeKind.AMENDMENT, text_ru="Поправка",
                       adopted_on=meeting.start)

    assert errors_of(exc)["kind"] == [
        "Операционный механизм может быть изменён только на Министерской конференции."
    ]


def test_outcome_record_accepts_an_amendment_at_a_ministerial_conference():
    meeting = MeetingFactory(kind=MeetingKind.MINISTERIAL)

    outcome = outcome_record(meeting=meeting, kind=OutcomeKind.AMENDMENT, text_en="Amendment",
                             adopted_on=meeting.start)

    assert outcome.kind == OutcomeKind.AMENDMENT


def test_outcome_record_refuses_a_date_outside_the_meeting():
    meeting = MeetingFactory(start=D(2024, 10, 15), end=D(2024, 10, 16))

    with pytest.raises(ValidationError) as exc:
        outcome_record(meeting=meeting, text_en="Conclusions", adopted_on=D(2024, 11, 1))

    assert list(errors_of(exc)) == ["adopted_on"]


def test_outcome_confirms_a_term_adopted_just_before_it_starts(terms):
    _, second = terms
    meeting = MeetingFactory(kind=MeetingKind.MINISTERIAL, start=D(2015, 6, 3),
                             end=D(2015, 6, 4))

    outcome = outcome_record(meeting=meeting, text_en="Confirmed", adopted_on=D(2015, 6, 4),
                             confirms_chairmanship=second)

    assert list(second.confirming_outcomes.all()) == [outcome]


def test_outcome_cannot_confirm_a_term_that_had_ended(english, terms):
    first, _ = terms
    meeting = MeetingFactory(kind=MeetingKind.MINISTERIAL, start=D(2017, 6, 1),
                             end=D(2017, 6, 1))

    with pytest.raises(ValidationError) as exc:
        outcome_record(meeting=meeting, text_en="Confirmed", adopted_on=D(2017, 6, 1),
                       confirms_chairmanship=first)

    assert errors_of(exc)["confirms_chairmanship"] == [
        "This term had ended (4 June 2015) before the outcome was adopted."
    ]


def test_outcome_cannot_confirm_a_term_years_ahead(terms):
    _, second = terms
    meeting = MeetingFactory(kind=MeetingKind.MINISTERIAL, start=D(2013, 6, 4),
                             end=D(2013, 6, 5))

    with pytest.raises(ValidationError) as exc:
        outcome_record(meeting=meeting, text_en="Confirmed", adopted_on=D(2013, 6, 5),
                       confirms_chairmanship=second)

    assert list(errors_of(exc)) == ["confirms_chairmanship"]


def test_a_term_is_confirmed_only_once(english, terms):
    _, second = terms
    meeting = MeetingFactory(kind=MeetingKind.MINISTERIAL, start=D(2015, 6, 3),
                             end=D(2015, 6, 4))
    outcome_record(meeting=meeting, text_en="Confirmed", adopted_on=D(2015, 6, 4),
                   confirms_chairmanship=second)

    with pytest.raises(ValidationError) as exc:
        outcome_record(meeting=meeting, text_en="Again", adopted_on=D(2015, 6, 4),
                       confirms_chairmanship=second)

    assert exc.value.messages == ["Another outcome already confirms this chairmanship term."]


# --- Documents ----------------------------------------------------------------

def test_meeting_document_link_orders_documents_and_refuses_a_second_link(english):
    meeting = MeetingFactory()
    agenda, note = DocumentFactory(), DocumentFactory()
    meeting_document_link(meeting=meeting, document=agenda, role=MeetingDocumentRole.AGENDA)
    meeting_document_link(meeting=meeting, document=note, role=MeetingDocumentRole.CONCEPT_NOTE)

    with pytest.raises(ValidationError) as exc:
        meeting_document_link(meeting=meeting, document=agenda)

    assert [link.document for link in meeting.document_links.order_by("position")] == [
        agenda, note,
    ]
    assert exc.value.messages == ["This document is already linked to the meeting."]
