"""A term by recorded decision (out of turn) does not move the rotation: the
next turn continues from the last state that chaired by rotation (or the
elected first Chair), so the states in between keep their turns. A term by
decision lasts as long as the decision says; terms by rotation or election
last exactly two years."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from chairmanship.enums import ChairmanshipBasis
from chairmanship.models import Chairmanship
from chairmanship.selectors import chairmanship_terms
from chairmanship.services import (
    chairmanship_create,
    chairmanship_history,
    chairmanship_project,
    chairmanship_propose_next,
    chairmanship_update,
    turn_decline,
)

pytestmark = pytest.mark.django_db

D = datetime.date
LAUNCH = D(2013, 6, 5)


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def region(make_state):
    return {name: make_state(name) for name in (
        "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan",
    )}


@pytest.fixture
def tajikistan_by_decision(region):
    """Kazakhstan elected in 2013; in 2015 the participant states asked
    Tajikistan to chair out of turn, for two years."""
    chairmanship_create(state=region["Kazakhstan"], start=LAUNCH, basis=ChairmanshipBasis.ELECTED)
    return chairmanship_create(
        state=region["Tajikistan"], start=D(2015, 6, 5), end=D(2017, 6, 4),
        basis=ChairmanshipBasis.DECISION,
        decision_note_en="The 2015 Senior Officials Meeting asked Tajikistan to chair.",
    )


# --- The rotation continues from the last term by rotation ----------------------------

def test_propose_next_after_a_decision_continues_from_the_last_rotation_term(
    region, tajikistan_by_decision
):
    proposal = chairmanship_propose_next()

    # Kyrgyzstan, between Kazakhstan and Tajikistan, keeps its turn.
    assert (proposal.state, proposal.start, proposal.end) == (
        region["Kyrgyzstan"], D(2017, 6, 5), D(2019, 6, 4),
    )
    assert proposal.skipped == ()


def test_project_after_a_decision_gives_every_state_its_turn(region, tajikistan_by_decision):
    projection = chairmanship_project(count=4, today=D(2016, 1, 1))

    # Tajikistan chaired by decision and keeps its own turn by rotation.
    assert [(p.state.name_en, p.start) for p in projection] == [
        ("Kyrgyzstan", D(2017, 6, 5)), ("Tajikistan", D(2019, 6, 5)),
        ("Turkmenistan", D(2021, 6, 5)), ("Kazakhstan", D(2023, 6, 5)),
    ]


def test_create_by_rotation_after_a_decision_follows_the_last_rotation_term(
    region, tajikistan_by_decision
):
    term = chairmanship_create(
        state=region["Kyrgyzstan"], start=D(2017, 6, 5), basis=ChairmanshipBasis.ROTATION,
    )

    assert term.basis == ChairmanshipBasis.ROTATION


def test_create_by_rotation_after_a_decision_refuses_the_state_after_the_decision(
    region, tajikistan_by_decision, english
):
    with pytest.raises(ValidationError) as exc_info:
        chairmanship_create(
            state=region["Turkmenistan"], start=D(2017, 6, 5), basis=ChairmanshipBasis.ROTATION,
        )

    assert exc_info.value.message_dict == {"state": [
        ("By rotation the term from 5 June 2017 falls to Kyrgyzstan, not Turkmenistan. "
         "To depart from the rotation, choose the basis “recorded decision” "
         "and record the decision in a note.")
    ]}


def test_several_decisions_in_a_row_keep_the_rotation_where_it_was(
    region, tajikistan_by_decision
):
    chairmanship_create(
        state=region["Turkmenistan"], start=D(2017, 6, 5), end=D(2018, 6, 4),
        basis=ChairmanshipBasis.DECISION, decision_note_en="A one-year term by consensus.",
    )

    proposal = chairmanship_propose_next()

    assert (proposal.state, proposal.start) == (region["Kyrgyzstan"], D(2018, 6, 5))


def test_history_lists_skips_from_the_last_rotation_term(region, tajikistan_by_decision):
    decline = turn_decline(
        state=region["Kyrgyzstan"], turn_start=D(2017, 6, 5), declined_on=D(2017, 1, 10),
    )
    chairmanship_create(
        state=region["Tajikistan"], start=D(2017, 6, 5), basis=ChairmanshipBasis.ROTATION,
    )

    history = chairmanship_history(terms=list(chairmanship_terms()))

    # Kazakhstan (elected), Tajikistan (decision), then Tajikistan by its own
    # turn after Kazakhstan, Kyrgyzstan having declined.
    assert [(entry.term.state.name_en, entry.term.basis) for entry in history] == [
        ("Kazakhstan", "elected"), ("Tajikistan", "decision"), ("Tajikistan", "rotation"),
    ]
    assert [[(s.state, s.declination) for s in entry.skipped] for entry in history] == [
        [], [], [(region["Kyrgyzstan"], decline)],
    ]


def test_update_into_a_decision_releases_the_rotation(region):
    chairmanship_create(state=region["Kazakhstan"], start=LAUNCH, basis=ChairmanshipBasis.ELECTED)
    kyrgyz_term = chairmanship_create(
        state=region["Kyrgyzstan"], start=D(2015, 6, 5), basis=ChairmanshipBasis.ROTATION,
    )

    chairmanship_update(chairmanship=kyrgyz_term, data={
        "basis": ChairmanshipBasis.DECISION,
        "decision_note_en": "Recorded later: the participant states chose Kyrgyzstan.",
    })

    # The rotation goes on from Kazakhstan: Kyrgyzstan's turn is still ahead.
    assert chairmanship_propose_next().state == region["Kyrgyzstan"]


# --- Term lengths ---------------------------------------------------------------------

def test_create_by_decision_records_a_shorter_term(region):
    chairmanship_create(state=region["Kazakhstan"], start=LAUNCH, basis=ChairmanshipBasis.ELECTED)

    term = chairmanship_create(
        state=region["Turkmenistan"], start=D(2015, 6, 5), end=D(2016, 6, 4),
        basis=ChairmanshipBasis.DECISION, decision_note_en="One year, by consensus.",
    )

    term.refresh_from_db()
    assert (term.start, term.end) == (D(2015, 6, 5), D(2016, 6, 4))
    assert chairmanship_propose_next().start == D(2016, 6, 5)


def test_create_by_decision_records_a_longer_term(region):
    chairmanship_create(state=region["Kazakhstan"], start=LAUNCH, basis=ChairmanshipBasis.ELECTED)

    term = chairmanship_create(
        state=region["Turkmenistan"], start=D(2015, 6, 5), end=D(2018, 6, 4),
        basis=ChairmanshipBasis.DECISION, decision_note_en="Three years, by consensus.",
    )

    assert Chairmanship.objects.get(pk=term.pk).end == D(2018, 6, 4)


def test_create_by_decision_needs_the_end_the_decision_gives(region, english):
    chairmanship_create(state=region["Kazakhstan"], start=LAUNCH, basis=ChairmanshipBasis.ELECTED)

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_create(
            state=region["Turkmenistan"], start=D(2015, 6, 5), basis=ChairmanshipBasis.DECISION,
            decision_note_en="By consensus.",
        )

    assert exc_info.value.message_dict == {"end": [
        "A term by recorded decision ends on the date the decision gives: enter it."
    ]}
    assert Chairmanship.objects.count() == 1


def test_a_term_by_election_stays_two_years(region):
    with pytest.raises(ValidationError) as exc_info:
        chairmanship_create(
            state=region["Kazakhstan"], start=LAUNCH, end=D(2016, 6, 4),
            basis=ChairmanshipBasis.ELECTED,
        )

    assert [e.code for e in exc_info.value.error_dict["end"]] == ["term_length"]


def test_a_term_by_rotation_stays_two_years(region):
    chairmanship_create(state=region["Kazakhstan"], start=LAUNCH, basis=ChairmanshipBasis.ELECTED)

    with pytest.raises(ValidationError) as exc_info:
        chairmanship_create(
            state=region["Kyrgyzstan"], start=D(2015, 6, 5), end=D(2016, 6, 4),
            basis=ChairmanshipBasis.ROTATION,
        )

    assert [e.code for e in exc_info.value.error_dict["end"]] == ["term_length"]
