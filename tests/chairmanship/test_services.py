import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import formats, timezone, translation

from chairmanship.enums import ChairmanshipBasis, SkipReason
from chairmanship.models import Chairmanship
from chairmanship.services import (
    chairmanship_create,
    chairmanship_create_from_proposal,
    chairmanship_history,
    chairmanship_project,
    chairmanship_propose_next,
    chairmanship_update,
    turn_decline,
)
from chairmanship.validators import rotation_sort_key, term_end_for
from membership.enums import MembershipStatus
from tests.factories.chairmanship import TurnDeclinationFactory
from tests.factories.membership import MembershipPeriodFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    with translation.override("en"):
        yield

D = datetime.date
LAUNCH = D(2013, 6, 5)


def elect_first(state, start=LAUNCH):
    return chairmanship_create(state=state, start=start, basis=ChairmanshipBasis.ELECTED)


# --- Term arithmetic ------------------------------------------------------------

@pytest.mark.parametrize(
    ("start", "end"),
    [
        (D(2013, 6, 5), D(2015, 6, 4)),
        (D(2020, 1, 1), D(2021, 12, 31)),
        (D(2024, 2, 29), D(2026, 2, 28)),
        (D(2023, 3, 1), D(2025, 2, 28)),
    ],
)
def test_term_end_for_is_two_years_less_a_day(start, end):
    assert term_end_for(start) == end


def test_rotation_sort_key_folds_accents_and_case():
    names = ["Turkmenistan", "türkiye", "Tajikistan", "Afghanistan"]

    assert sorted(names, key=rotation_sort_key) == [
        "Afghanistan", "Tajikistan", "türkiye", "Turkmenistan",
    ]


# --- Proposing the next chair ---------------------------------------------------------

def test_propose_next_follows_english_alphabetical_order(make_state):
    kazakhstan = make_state("Kazakhstan")
    make_state("Tajikistan")
    kyrgyzstan = make_state("Kyrgyzstan")
    elect_first(kazakhstan)

    proposal = chairmanship_propose_next()

    assert proposal.state == kyrgyzstan
    assert (proposal.start, proposal.end) == (D(2015, 6, 5), D(2017, 6, 4))
    assert proposal.skipped == ()


def test_propose_next_orders_by_english_not_russian_name(make_state):
    # Russian order is Азербайджан, Афганистан; English is Afghanistan, Azerbaijan.
    afghanistan = make_state("Afghanistan")
    azerbaijan = make_state("Azerbaijan")
    kazakhstan = make_state("Kazakhstan")
    for state, name_ru in ((afghanistan, "Афганистан"), (azerbaijan, "Азербайджан")):
        state.name_ru = name_ru
        state.save()
    elect_first(kazakhstan)

    first = chairmanship_propose_next()
    second = chairmanship_propose_next(after=first)

    assert (first.state, second.state) == (afghanistan, azerbaijan)


def test_propose_next_puts_turkiye_before_turkmenistan(make_state):
    tajikistan = make_state("Tajikistan")
    turkmenistan = make_state("Turkmenistan")
    turkiye = make_state("Türkiye")
    elect_first(tajikistan)

    first = chairmanship_propose_next()
    second = chairmanship_propose_next(after=first)

    assert (first.state, second.state) == (turkiye, turkmenistan)


def test_propose_next_wraps_around_to_the_start(make_state):
    afghanistan = make_state("Afghanistan")
    make_state("Kazakhstan")
    turkmenistan = make_state("Turkmenistan")
    elect_first(turkmenistan)

    proposal = chairmanship_propose_next()

    assert proposal.state == afghanistan


def test_propose_next_skips_pending_and_withdrawn_states(make_state, pending_state):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = pending_state("Kyrgyzstan")
    pakistan = make_state("Pakistan", since=False)
    MembershipPeriodFactory(state=pakistan, start=D(2013, 1, 1), end=D(2014, 12, 31))
    MembershipPeriodFactory(
        state=pakistan, status=MembershipStatus.WITHDRAWN, start=D(2015, 1, 1), end=None
    )
    tajikistan = make_state("Tajikistan")
    elect_first(kazakhstan)

    proposal = chairmanship_propose_next()

    assert proposal.state == tajikistan
    assert [(s.state, s.reason, s.status) for s in proposal.skipped] == [
        (kyrgyzstan, SkipReason.NOT_PARTICIPANT, MembershipStatus.PENDING),
        (pakistan, SkipReason.NOT_PARTICIPANT, MembershipStatus.WITHDRAWN),
    ]


def test_propose_next_skips_a_state_that_joins_after_the_start(make_state):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = make_state("Kyrgyzstan", since=D(2015, 6, 6))
    tajikistan = make_state("Tajikistan")
    elect_first(kazakhstan)

    proposal = chairmanship_propose_next()

    assert proposal.state == tajikistan
    assert [(s.state, s.status) for s in proposal.skipped] == [(kyrgyzstan, None)]


def test_propose_next_skips_a_state_that_declined_the_turn(make_state):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = make_state("Kyrgyzstan")
    tajikistan = make_state("Tajikistan")
    elect_first(kazakhstan)
    declination = turn_decline(
        state=kyrgyzstan, turn_start=D(2015, 6, 5), declined_on=D(2015, 3, 1),
        note_en="Hosts the World Nomad Games.",
    )

    proposal = chairmanship_propose_next()

    assert proposal.state == tajikistan
    assert [(s.state, s.reason, s.declination) for s in proposal.skipped] == [
        (kyrgyzstan, SkipReason.DECLINED, declination),
    ]


def test_propose_next_ignores_a_declination_of_another_turn(make_state):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = make_state("Kyrgyzstan")
    make_state("Tajikistan")
    elect_first(kazakhstan)
    TurnDeclinationFactory(state=kyrgyzstan, turn_start=D(2017, 6, 5))

    proposal = chairmanship_propose_next()

    assert proposal.state == kyrgyzstan


def test_propose_next_gives_the_same_state_again_when_it_alone_is_eligible(
    make_state, pending_state
):
    kazakhstan = make_state("Kazakhstan")
    pending_state("Tajikistan")
    elect_first(kazakhstan)

    proposal = chairmanship_propose_next()

    assert proposal.state == kazakhstan


def test_propose_next_without_eligible_state_raises(make_state, pending_state, english):
    kazakhstan = make_state("Kazakhstan")
    pending_state("Tajikistan")
    elect_first(kazakhstan)
    turn_decline(state=kazakhstan, turn_start=D(2015, 6, 5), declined_on=D(2015, 1, 1))

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_propose_next()

    assert exc_info.value.messages == [
        ("No state can chair from 5 June 2015: no participant state on that date has its "
        "turn free (all are pending, withdrawn or declined).")
    ]


def test_propose_next_without_any_term_raises(make_state):
    make_state("Kazakhstan")

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_propose_next()

    assert exc_info.value.code == "no_terms"


# --- Projection ------------------------------------------------------------------------

def test_project_applies_the_rotation_repeatedly(make_state):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = make_state("Kyrgyzstan")
    tajikistan = make_state("Tajikistan")
    elect_first(kazakhstan)
    turn_decline(state=tajikistan, turn_start=D(2017, 6, 5), declined_on=D(2016, 1, 1))

    projection = chairmanship_project(count=4, today=D(2014, 1, 1))

    assert [(p.state, p.start, p.end) for p in projection] == [
        (kyrgyzstan, D(2015, 6, 5), D(2017, 6, 4)),
        (kazakhstan, D(2017, 6, 5), D(2019, 6, 4)),
        (kyrgyzstan, D(2019, 6, 5), D(2021, 6, 4)),
        (tajikistan, D(2021, 6, 5), D(2023, 6, 4)),
    ]
    assert [s.state for s in projection[1].skipped] == [tajikistan]


def test_project_starts_after_the_last_recorded_term(make_state):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = make_state("Kyrgyzstan")
    elect_first(kazakhstan)
    chairmanship_create(state=kyrgyzstan, start=D(2015, 6, 5), basis=ChairmanshipBasis.ROTATION)

    projection = chairmanship_project(count=1, today=D(2014, 1, 1))

    assert [(p.state, p.start) for p in projection] == [(kazakhstan, D(2017, 6, 5))]


def test_project_after_a_gap_starts_today(make_state):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = make_state("Kyrgyzstan")
    elect_first(kazakhstan)

    projection = chairmanship_project(count=1, today=D(2016, 1, 1))

    assert [(p.state, p.start, p.end) for p in projection] == [
        (kyrgyzstan, D(2016, 1, 1), D(2017, 12, 31)),
    ]


def test_project_without_terms_is_empty(make_state):
    make_state("Kazakhstan")

    assert chairmanship_project(count=4, today=D(2014, 1, 1)) == []


# --- Recording terms -------------------------------------------------------------------

def test_create_records_a_rotation_term(make_state, django_user_model):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = make_state("Kyrgyzstan")
    elect_first(kazakhstan)

    term = chairmanship_create(
        state=kyrgyzstan, start=D(2015, 6, 5), basis=ChairmanshipBasis.ROTATION,
        representative_name_ru="Асель Бекова", representative_name_en="Asel Bekova",
        representative_title_ru="Заместитель министра", representative_title_en="Deputy Minister",
    )

    term.refresh_from_db()
    assert (term.state, term.start, term.end) == (kyrgyzstan, D(2015, 6, 5), D(2017, 6, 4))
    assert (term.representative_name_ru, term.representative_name_en) == (
        "Асель Бекова", "Asel Bekova",
    )


def test_create_rejects_a_term_not_two_years_long(make_state):
    kazakhstan = make_state("Kazakhstan")

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_create(
            state=kazakhstan, start=LAUNCH, end=D(2014, 6, 4), basis=ChairmanshipBasis.ELECTED
        )

    assert [e.code for e in exc_info.value.error_dict["end"]] == ["term_length"]


def test_create_rejects_an_end_before_the_start(make_state):
    """Messages are in Russian, the default language."""
    kazakhstan = make_state("Kazakhstan")

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_create(
            state=kazakhstan, start=LAUNCH, end=D(2012, 6, 4), basis=ChairmanshipBasis.ELECTED
        )

    assert exc_info.value.messages == ["Дата окончания не может быть раньше даты начала."]


def test_create_rejects_a_term_that_is_not_two_years(make_state):
    kazakhstan = make_state("Kazakhstan")

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_create(
            state=kazakhstan, start=LAUNCH, end=D(2014, 6, 4), basis=ChairmanshipBasis.ELECTED
        )

    assert exc_info.value.messages == [
        ("Дата окончания должна быть 4 июня 2015: срок, начинающийся 5 июня 2013, "
         "длится два года."),
    ]
    assert not Chairmanship.objects.exists()


def test_create_rejects_a_state_that_is_not_a_participant(make_state, pending_state, english):
    kazakhstan = make_state("Kazakhstan")
    pakistan = pending_state("Pakistan")
    elect_first(kazakhstan)

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_create(
            state=pakistan, start=D(2015, 6, 5), end=D(2017, 6, 4),
            basis=ChairmanshipBasis.DECISION,
            decision_note_en="Chosen by consensus.",
        )

    assert exc_info.value.message_dict == {"state": [
        "Only participant states chair: on 5 June 2015 Pakistan is not a participant state."
    ]}


def test_create_rejects_a_first_term_not_elected(make_state):
    kazakhstan = make_state("Kazakhstan")

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_create(state=kazakhstan, start=LAUNCH, basis=ChairmanshipBasis.ROTATION)

    assert [e.code for e in exc_info.value.error_dict["basis"]] == ["first_is_elected"]


def test_create_rejects_a_second_elected_term(make_state):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = make_state("Kyrgyzstan")
    elect_first(kazakhstan)

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_create(state=kyrgyzstan, start=D(2015, 6, 5), basis=ChairmanshipBasis.ELECTED)

    assert [e.code for e in exc_info.value.error_dict["basis"]] == ["only_first_elected"]


def test_create_rejects_a_rotation_term_for_a_state_out_of_turn(make_state, english):
    kazakhstan = make_state("Kazakhstan")
    make_state("Kyrgyzstan")
    tajikistan = make_state("Tajikistan")
    elect_first(kazakhstan)

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_create(state=tajikistan, start=D(2015, 6, 5), basis=ChairmanshipBasis.ROTATION)

    assert exc_info.value.message_dict == {"state": [
        ("By rotation the term from 5 June 2015 falls to Kyrgyzstan, not Tajikistan. "
        "To depart from the rotation, choose the basis “recorded decision” "
        "and record the decision in a note.")
    ]}
    assert Chairmanship.objects.count() == 1


def test_create_records_a_departure_with_a_decision_note(make_state):
    kazakhstan = make_state("Kazakhstan")
    make_state("Kyrgyzstan")
    tajikistan = make_state("Tajikistan")
    elect_first(kazakhstan)

    term = chairmanship_create(
        state=tajikistan, start=D(2015, 6, 5), end=D(2017, 6, 4),
        basis=ChairmanshipBasis.DECISION,
        decision_note_ru="Решение СДЛ 2015 г.", decision_note_en="Decided by the 2015 SOM.",
    )

    assert term.basis == ChairmanshipBasis.DECISION
    # The decision does not move the rotation: Kyrgyzstan keeps its turn.
    assert chairmanship_propose_next().state.name_en == "Kyrgyzstan"


def test_create_rejects_a_decision_without_a_note(make_state):
    kazakhstan = make_state("Kazakhstan")
    tajikistan = make_state("Tajikistan")
    elect_first(kazakhstan)

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_create(
            state=tajikistan, start=D(2015, 6, 5), end=D(2017, 6, 4),
            basis=ChairmanshipBasis.DECISION,
        )

    assert [e.code for e in exc_info.value.error_dict["decision_note_ru"]] == [
        "decision_note_required"
    ]


def test_create_rejects_an_overlapping_term(make_state, english):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = make_state("Kyrgyzstan")
    elect_first(kazakhstan)

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_create(
            state=kyrgyzstan, start=D(2015, 6, 4), end=D(2017, 6, 3),
            basis=ChairmanshipBasis.DECISION,
            decision_note_en="Early handover.",
        )

    assert exc_info.value.message_dict == {NON_FIELD_ERRORS: [
        ("Chairmanship terms cannot overlap: from 5 June 2013 to 4 June 2015 "
         "the Chair is Kazakhstan.")
    ]}
    assert Chairmanship.objects.count() == 1


def test_create_from_proposal_records_the_proposed_term(make_state, django_user_model):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = make_state("Kyrgyzstan")
    elect_first(kazakhstan)
    proposal = chairmanship_propose_next()

    term = chairmanship_create_from_proposal(proposal=proposal)

    assert (term.state, term.start, term.end, term.basis) == (
        kyrgyzstan, D(2015, 6, 5), D(2017, 6, 4), ChairmanshipBasis.ROTATION,
    )


def test_create_from_a_stale_proposal_is_rejected(make_state):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = make_state("Kyrgyzstan")
    make_state("Tajikistan")
    elect_first(kazakhstan)
    proposal = chairmanship_propose_next()
    turn_decline(state=kyrgyzstan, turn_start=D(2015, 6, 5), declined_on=D(2015, 6, 1))

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_create_from_proposal(proposal=proposal)

    assert [e.code for e in exc_info.value.error_dict["state"]] == ["not_rotation"]


def test_update_of_texts_does_not_recheck_the_rotation(make_state):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = make_state("Kyrgyzstan")
    elect_first(kazakhstan)
    term = chairmanship_create(state=kyrgyzstan, start=D(2015, 6, 5), basis="rotation")
    make_state("Kenya")  # recorded later: by today's list the 2015 turn was Kenya's

    chairmanship_update(chairmanship=term, data={"notes_en": "Held two seminars."})

    term.refresh_from_db()
    assert term.notes_en == "Held two seminars."


def test_update_rejects_moving_a_term_onto_another(make_state):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = make_state("Kyrgyzstan")
    elect_first(kazakhstan)
    term = chairmanship_create(state=kyrgyzstan, start=D(2015, 6, 5), basis="rotation")

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_update(
            chairmanship=term, data={"start": D(2015, 1, 1), "end": D(2016, 12, 31)}
        )

    assert [e.code for e in exc_info.value.error_dict[NON_FIELD_ERRORS]] == ["overlap"]


# --- Declined turns ---------------------------------------------------------------------

def test_turn_decline_records_the_declination(make_state):
    kyrgyzstan = make_state("Kyrgyzstan")

    declination = turn_decline(
        state=kyrgyzstan, turn_start=D(2015, 6, 5), declined_on=D(2015, 3, 1),
        note_ru="Примечание", note_en="Note",
    )

    declination.refresh_from_db()
    assert (declination.state, declination.turn_start, declination.note_en) == (
        kyrgyzstan, D(2015, 6, 5), "Note",
    )


def test_turn_decline_twice_is_rejected(make_state):
    kyrgyzstan = make_state("Kyrgyzstan")
    turn_decline(state=kyrgyzstan, turn_start=D(2015, 6, 5), declined_on=D(2015, 3, 1))

    with pytest.raises(ValidationError) as exc_info:
        turn_decline(state=kyrgyzstan, turn_start=D(2015, 6, 5), declined_on=D(2015, 4, 1))

    assert [e.code for e in exc_info.value.error_dict[NON_FIELD_ERRORS]] == ["already_declined"]


def test_turn_decline_after_the_turn_started_is_rejected(make_state):
    kyrgyzstan = make_state("Kyrgyzstan")

    with pytest.raises(ValidationError) as exc_info:
        turn_decline(state=kyrgyzstan, turn_start=D(2015, 6, 5), declined_on=D(2015, 7, 1))

    assert exc_info.value.messages == ["Отказ от очереди возможен не позднее даты её начала."]


def test_turn_decline_of_a_held_term_is_rejected(make_state):
    kazakhstan = make_state("Kazakhstan")
    elect_first(kazakhstan)

    with pytest.raises(ValidationError) as exc_info:
        turn_decline(state=kazakhstan, turn_start=LAUNCH, declined_on=D(2013, 1, 1))

    assert [e.code for e in exc_info.value.error_dict["turn_start"]] == ["turn_held"]


# --- History ------------------------------------------------------------------------------

def test_history_lists_the_states_passed_over_before_each_rotation_term(
    make_state, pending_state
):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = pending_state("Kyrgyzstan")
    tajikistan = make_state("Tajikistan")
    turkmenistan = make_state("Turkmenistan")
    first = elect_first(kazakhstan)
    declination = turn_decline(
        state=tajikistan, turn_start=D(2015, 6, 5), declined_on=D(2015, 3, 1)
    )
    second = chairmanship_create(state=turkmenistan, start=D(2015, 6, 5), basis="rotation")

    history = chairmanship_history(terms=[first, second])

    assert [entry.term for entry in history] == [first, second]
    assert [(s.state, s.reason, s.declination) for s in history[1].skipped] == [
        (kyrgyzstan, SkipReason.NOT_PARTICIPANT, None),
        (tajikistan, SkipReason.DECLINED, declination),
    ]
    assert history[0].skipped == ()


def test_history_lists_no_skips_for_a_recorded_decision(make_state):
    kazakhstan = make_state("Kazakhstan")
    make_state("Kyrgyzstan")
    tajikistan = make_state("Tajikistan")
    first = elect_first(kazakhstan)
    second = chairmanship_create(
        state=tajikistan, start=D(2015, 6, 5), end=D(2017, 6, 4),
        basis=ChairmanshipBasis.DECISION,
        decision_note_en="The participant states asked Tajikistan to chair.",
    )

    history = chairmanship_history(terms=[first, second])

    assert [entry.skipped for entry in history] == [(), ()]


@pytest.mark.dates
def test_turn_decline_of_a_day_no_turn_starts_on_is_rejected(
    make_state, english, late_evening_utc
):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = make_state("Kyrgyzstan")
    today = timezone.localdate()
    term = elect_first(kazakhstan, start=D(today.year - 1, today.month, 1))
    wrong_day = term.end + datetime.timedelta(days=2)

    with pytest.raises(ValidationError) as exc_info:
        turn_decline(state=kyrgyzstan, turn_start=wrong_day, declined_on=today)

    assert exc_info.value.message_dict == {"turn_start": [
        (f"No turn starts on {formats.date_format(wrong_day, 'DATE_FORMAT')}: a turn starts "
        f"the day after a term ends (the next one on "
        f"{formats.date_format(term.end + datetime.timedelta(days=1), 'DATE_FORMAT')}).")
    ]}


@pytest.mark.dates
def test_turn_decline_of_a_later_turn_on_the_rotation_calendar(make_state, late_evening_utc):
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = make_state("Kyrgyzstan")
    today = timezone.localdate()
    term = elect_first(kazakhstan, start=D(today.year - 1, today.month, 1))
    turn_after_next = term_end_for(term.end + datetime.timedelta(days=1)) + datetime.timedelta(
        days=1
    )

    declination = turn_decline(state=kyrgyzstan, turn_start=turn_after_next, declined_on=today)

    assert declination.turn_start == D(today.year + 3, today.month, 1)


@pytest.mark.dates
def test_turn_decline_of_a_turn_already_held_by_the_next_state(make_state, late_evening_utc):
    # Recording history: Kyrgyzstan declined the turn Tajikistan now holds.
    kazakhstan = make_state("Kazakhstan")
    kyrgyzstan = make_state("Kyrgyzstan")
    tajikistan = make_state("Tajikistan")
    today = timezone.localdate()
    first = elect_first(kazakhstan, start=D(today.year - 3, today.month, 1))
    held = chairmanship_create(
        state=tajikistan, start=first.end + datetime.timedelta(days=1),
        end=term_end_for(first.end + datetime.timedelta(days=1)),
        basis=ChairmanshipBasis.DECISION, decision_note_en="Chosen by consensus.",
    )

    declination = turn_decline(
        state=kyrgyzstan, turn_start=held.start, declined_on=first.start,
    )

    assert declination.turn_start == held.start
