"""The cadence panel's reading of the Operational Mechanism's rhythm, on
hand-made meetings."""

import datetime

import pytest
from django.utils import translation

from meetings.cadence import DUE, HELD, NOT_DUE, NOT_HELD, PLANNED, meeting_cadence
from meetings.enums import MeetingKind, MeetingStatus
from tests.factories.meetings import MeetingFactory, NationalConsultationFactory
from tests.factories.membership import MembershipPeriodFactory, ParticipantStateFactory

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2026, 6, 1)


def ministerial(start: D, **extra):
    return MeetingFactory(kind=MeetingKind.MINISTERIAL, start=start, end=start, **extra)


def som(start: D, **extra):
    return MeetingFactory(kind=MeetingKind.SENIOR_OFFICIALS, start=start, end=start, **extra)


def by_year(years):
    return {entry.year: entry for entry in years}


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def test_cadence_runs_from_the_first_meeting_to_this_year_latest_first():
    som(D(2023, 10, 1))

    years = meeting_cadence(today=TODAY)

    assert [entry.year for entry in years] == [2026, 2025, 2024, 2023]


def test_ministerial_conference_is_due_two_years_after_the_last(english):
    ministerial(D(2021, 6, 1))
    ministerial(D(2023, 6, 1))

    years = by_year(meeting_cadence(today=TODAY))

    assert [years[y].ministerial.status for y in (2021, 2022, 2023, 2024, 2025, 2026)] == [
        HELD, NOT_DUE, HELD, NOT_DUE, NOT_HELD, DUE,
    ]
    assert years[2025].gaps[0] == "No Ministerial Conference in 2025; the last one was in 2023."
    assert years[2026].gaps[0] == (
        "A Ministerial Conference is due in 2026 and not yet scheduled."
    )


def test_late_ministerial_conference_restarts_the_two_years():
    ministerial(D(2021, 6, 1))
    ministerial(D(2024, 3, 1))

    years = by_year(meeting_cadence(today=TODAY))

    assert [years[y].ministerial.status for y in (2022, 2023, 2024, 2025, 2026)] == [
        NOT_DUE, NOT_HELD, HELD, NOT_DUE, DUE,
    ]


def test_cancelled_or_postponed_meetings_do_not_count():
    som(D(2024, 10, 1))
    som(D(2025, 10, 1), status=MeetingStatus.CANCELLED)
    som(D(2025, 11, 1), status=MeetingStatus.POSTPONED)

    years = by_year(meeting_cadence(today=TODAY))

    assert years[2025].senior_officials.status == NOT_HELD


def test_meeting_later_this_year_counts_as_planned():
    som(D(2025, 10, 1))
    later = som(D(2026, 10, 1), status=MeetingStatus.PLANNED)

    years = by_year(meeting_cadence(today=TODAY))

    assert years[2026].senior_officials.status == PLANNED
    assert years[2026].senior_officials.meetings == [later]


def test_national_consultations_are_checked_per_participant_state(english):
    kazakhstan = ParticipantStateFactory(name_en="Kazakhstan", participant_since=D(2013, 1, 1))
    tajikistan = ParticipantStateFactory(name_en="Tajikistan", participant_since=D(2013, 1, 1))
    NationalConsultationFactory(host_state=kazakhstan, start=D(2025, 3, 1), end=D(2025, 3, 1))
    NationalConsultationFactory(host_state=tajikistan, start=D(2024, 3, 1), end=D(2024, 3, 1))

    years = by_year(meeting_cadence(today=TODAY))

    assert [(item.state.name_en, item.check.status) for item in years[2025].consultations] == [
        ("Kazakhstan", HELD), ("Tajikistan", NOT_HELD),
    ]
    assert years[2025].not_held == ["Tajikistan: national consultations not held in 2025."]
    assert years[2025].consulted_states == [kazakhstan]


def test_national_consultations_not_held_are_a_recommendation_not_a_gap(english):
    som(D(2025, 10, 1))
    ParticipantStateFactory(name_en="Tajikistan", participant_since=D(2013, 1, 1))

    years = by_year(meeting_cadence(today=TODAY))

    assert years[2025].consultations[0].check.label == "Not held"
    assert years[2025].gaps == ["No Ministerial Conference in 2025."]
    assert years[2025].not_held == ["Tajikistan: national consultations not held in 2025."]


def test_meeting_of_national_coordinators_counts_for_every_participant_state(english):
    kazakhstan = ParticipantStateFactory(name_en="Kazakhstan", participant_since=D(2013, 1, 1))
    tajikistan = ParticipantStateFactory(name_en="Tajikistan", participant_since=D(2013, 1, 1))
    regional = MeetingFactory(kind=MeetingKind.COORDINATORS, host_state=kazakhstan,
                              start=D(2025, 5, 20), end=D(2025, 5, 21))

    years = by_year(meeting_cadence(today=TODAY))

    assert [(item.state.name_en, item.check.status, item.check.meetings)
            for item in years[2025].consultations] == [
        ("Kazakhstan", HELD, [regional]), ("Tajikistan", HELD, [regional]),
    ]
    assert years[2025].coordinators_meetings == [regional]
    assert years[2025].not_held == []
    assert years[2025].consulted_states == [kazakhstan, tajikistan]


def test_states_not_participant_at_the_end_of_the_year_owe_no_consultation():
    som(D(2024, 10, 1))
    withdrawn = ParticipantStateFactory(name_en="Withdrawn", participant_since=False)
    MembershipPeriodFactory(state=withdrawn, start=D(2013, 1, 1), end=D(2024, 6, 30))
    joined = ParticipantStateFactory(name_en="Joined", participant_since=D(2025, 3, 1))

    years = by_year(meeting_cadence(today=TODAY))

    assert [item.state for item in years[2024].consultations] == []
    assert [item.state for item in years[2025].consultations] == [joined]


def test_cadence_of_an_empty_database_is_this_year_only():
    years = meeting_cadence(today=TODAY)

    assert [(entry.year, entry.senior_officials.status) for entry in years] == [(2026, DUE)]


def test_cadence_takes_two_queries_however_many_meetings(django_assert_num_queries):
    for year in range(2013, 2026):
        som(D(year, 10, 1))
        NationalConsultationFactory(start=D(year, 3, 1), end=D(year, 3, 1))

    with django_assert_num_queries(2):
        meeting_cadence(today=TODAY)
