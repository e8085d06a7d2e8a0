"""Meetings' migration 0003: the chairmanship's old free-text "elected or
confirmed at" becomes a confirming outcome of the meeting it names, or stays
in the term's notes. Its ``link_or_keep`` runs here with the current models
(the column itself is gone) on hand-made terms and texts."""

import datetime
import importlib

import pytest
from django.apps import apps

from chairmanship.enums import ChairmanshipBasis
from meetings.enums import MeetingKind, MeetingStatus, OutcomeKind
from meetings.models import MeetingOutcome
from tests.factories.chairmanship import ChairmanshipFactory
from tests.factories.meetings import MeetingFactory, MeetingOutcomeFactory

pytestmark = pytest.mark.django_db

D = datetime.date
migration = importlib.import_module("meetings.migrations.0003_confirm_terms_from_decided_at")


def migrate(texts: dict) -> dict:
    return migration.link_or_keep(
        Chairmanship=apps.get_model("chairmanship", "Chairmanship"),
        Meeting=apps.get_model("meetings", "Meeting"),
        MeetingOutcome=apps.get_model("meetings", "MeetingOutcome"),
        texts=texts,
        HistoricalChairmanship=apps.get_model("chairmanship", "HistoricalChairmanship"),
        HistoricalMeetingOutcome=apps.get_model("meetings", "HistoricalMeetingOutcome"),
    )


@pytest.fixture
def first_term():
    """Kazakhstan, elected for 5 June 2013 – 4 June 2015."""
    return ChairmanshipFactory(
        state__name_en="Kazakhstan", state__name_ru="Казахстан", state__iso3="KAZ",
        state__iso2="KZ", start=D(2013, 6, 5), basis=ChairmanshipBasis.ELECTED,
        notes_ru="Первый срок.", notes_en="The first term.",
    )


def conference(year: int, *, start: D, **fields):
    return MeetingFactory(
        kind=MeetingKind.MINISTERIAL, slug=f"ministerial-conference-{year}-{start:%m%d}",
        title_ru=f"Министерская конференция {year} г.",
        title_en=f"Ministerial Conference {year}", start=start,
        end=start + datetime.timedelta(days=1), **fields,
    )


def test_migration_links_the_2013_term_to_the_conference_before_it(first_term):
    meeting = conference(2013, start=D(2013, 6, 4))
    MeetingOutcomeFactory(meeting=meeting, position=1, adopted_on=D(2013, 6, 5))

    result = migrate({first_term.pk: ("Министерская конференция, Алматы, 2013 г.",
                                      "Ministerial Conference, Almaty, 2013")})

    outcome = MeetingOutcome.objects.get(confirms_chairmanship=first_term)
    outcome.full_clean()  # the model's rules hold (adopted on a meeting day, in time)
    first_term.refresh_from_db()
    assert result == {"linked": [first_term.pk], "kept": []}
    assert (outcome.meeting, outcome.kind, outcome.adopted_on, outcome.position) == (
        meeting, OutcomeKind.DECISION, D(2013, 6, 5), 2,
    )
    assert outcome.text_en == (
        "Kazakhstan was elected Chair of the Almaty Process for 2013–2015. "
        "(Previously recorded as: “Ministerial Conference, Almaty, 2013”.)"
    )
    assert outcome.text_ru == (
        "Государство Казахстан избрано Председателем Алматинского процесса на 2013–2015 гг. "
        "(Ранее записано: «Министерская конференция, Алматы, 2013 г.».)"
    )
    assert (first_term.notes_ru, first_term.notes_en) == ("Первый срок.", "The first term.")
    # (With the current models simple_history records the save too; in the
    # migration only this entry is written.)
    assert ("+", migration.HISTORY_REASON) in [
        (entry.history_type, entry.history_change_reason) for entry in outcome.history.all()
    ]


def test_migration_says_confirmed_for_a_term_by_rotation():
    term = ChairmanshipFactory(state__name_en="Kyrgyzstan", state__name_ru="Кыргызстан",
                               start=D(2015, 6, 5))
    conference(2015, start=D(2015, 6, 3))

    migrate({term.pk: ("", "Ministerial Conference, 2015 (illustrative)")})

    outcome = MeetingOutcome.objects.get(confirms_chairmanship=term)
    assert outcome.text_en.startswith("The chairmanship of Kyrgyzstan for 2015–2017 was "
                                      "confirmed. (Previously recorded as:")
    assert outcome.text_ru.startswith("Подтверждено председательство государства Кыргызстан")


def test_migration_keeps_the_text_in_the_notes_when_no_meeting_matches(first_term):
    # Conferences in the year before the term, but not in the year the text names.
    conference(2012, start=D(2012, 6, 4))
    conference(2013, start=D(2013, 6, 4))

    result = migrate({first_term.pk: ("Конференция в Алматы, 2011 г.",
                                      "Conference in Almaty, 2011")})

    first_term.refresh_from_db()
    assert result == {"linked": [], "kept": [first_term.pk]}
    assert MeetingOutcome.objects.filter(confirms_chairmanship=first_term).exists() is False
    assert first_term.notes_ru == (
        "Первый срок.\nИзбран или утверждён на: Конференция в Алматы, 2011 г."
    )
    assert first_term.notes_en == (
        "The first term.\nElected or confirmed at: Conference in Almaty, 2011"
    )
    latest = first_term.history.first()
    assert (latest.history_type, latest.notes_en, latest.history_change_reason) == (
        "~", first_term.notes_en, migration.HISTORY_REASON,
    )


def test_migration_does_not_choose_between_two_conferences(first_term):
    conference(2012, start=D(2012, 12, 1))
    conference(2013, start=D(2013, 5, 1))

    result = migrate({first_term.pk: ("", "A Ministerial Conference")})

    first_term.refresh_from_db()
    assert result == {"linked": [], "kept": [first_term.pk]}
    assert first_term.notes_en == (
        "The first term.\nElected or confirmed at: A Ministerial Conference"
    )
    assert first_term.notes_ru == (
        "Первый срок.\nИзбран или утверждён на: A Ministerial Conference"
    )


def test_migration_passes_over_a_cancelled_conference(first_term):
    conference(2013, start=D(2013, 6, 3), status=MeetingStatus.CANCELLED)

    result = migrate({first_term.pk: ("", "Ministerial Conference 2013")})

    assert result == {"linked": [], "kept": [first_term.pk]}


def test_migration_takes_another_meeting_only_when_the_text_names_its_year(first_term):
    meeting = MeetingFactory(kind=MeetingKind.SENIOR_OFFICIALS, start=D(2012, 10, 15))

    result = migrate({first_term.pk: ("", "Senior Officials' Meeting, October 2012")})

    assert result == {"linked": [first_term.pk], "kept": []}
    assert MeetingOutcome.objects.get(confirms_chairmanship=first_term).meeting == meeting


def test_migration_leaves_an_already_confirmed_term_alone(first_term):
    meeting = conference(2013, start=D(2013, 6, 4))
    MeetingOutcomeFactory(meeting=meeting, adopted_on=D(2013, 6, 5),
                          confirms_chairmanship=first_term)

    result = migrate({first_term.pk: ("", "Ministerial Conference, Almaty, 2013")})

    first_term.refresh_from_db()
    assert result == {"linked": [], "kept": []}
    assert MeetingOutcome.objects.filter(confirms_chairmanship=first_term).count() == 1
    assert first_term.notes_en == "The first term."
