"""The demo chairmanship history: built by the rotation from the 2013
Ministerial Conference on top of the membership demo, and idempotent."""

import datetime
import itertools

import pytest
from django.utils import timezone

from chairmanship import demo as chairmanship_demo
from chairmanship.enums import ChairmanshipBasis
from chairmanship.models import Chairmanship, TurnDeclination
from chairmanship.selectors import current_chair
from chairmanship.services import chairmanship_history, chairmanship_propose_next
from chairmanship.validators import rotation_sort_key, term_end_for
from membership import demo as membership_demo
from membership.enums import MembershipStatus
from membership.models import ParticipantState
from membership.selectors import membership_period_on

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def demo():
    membership_demo.load()
    chairmanship_demo.load()


def test_demo_history_starts_with_the_chair_elected_in_2013(demo):
    first = Chairmanship.objects.order_by("start").first()

    assert (first.state.iso3, first.start, first.basis) == (
        "KAZ", D(2013, 6, 5), ChairmanshipBasis.ELECTED,
    )


def test_demo_history_follows_the_rotation(demo):
    terms = list(Chairmanship.objects.select_related("state").order_by("start"))

    # Only the eight states of the Operational Mechanism take turns (no
    # Turkmenistan, issue 24, item 6); Afghanistan declined the 2023 turn,
    # so Azerbaijan took it.
    assert [(term.state.name_en, term.start.year) for term in terms[:7]] == [
        ("Kazakhstan", 2013), ("Kyrgyzstan", 2015), ("Pakistan", 2017), ("Tajikistan", 2019),
        ("Türkiye", 2021), ("Azerbaijan", 2023), ("Iran", 2025),
    ]
    assert [term.basis for term in terms[1:]] == [ChairmanshipBasis.ROTATION] * (len(terms) - 1)


def test_demo_history_skips_only_non_participants_and_decliners(demo):
    # The rule spelled out independently of the service: after each Chair,
    # the next state in English alphabetical order that is a participant on
    # the start date and has not declined that turn.
    order = sorted(ParticipantState.objects.all(),
                   key=lambda s: rotation_sort_key(s.rotation_key))
    declined = set(TurnDeclination.objects.values_list("state_id", "turn_start"))
    terms = list(Chairmanship.objects.select_related("state").order_by("start"))

    for previous, term in itertools.pairwise(terms):
        index = order.index(previous.state)
        candidates = order[index + 1:] + order[:index + 1]
        eligible = [
            state for state in candidates
            if getattr(membership_period_on(state=state, on=term.start), "status", None)
            == MembershipStatus.PARTICIPANT
            and (state.pk, term.start) not in declined
        ]
        assert term.state == eligible[0]
        assert term.start == previous.end + datetime.timedelta(days=1)
        assert term.end == term_end_for(term.start)


@pytest.mark.dates
def test_demo_history_reaches_today(demo):
    today = timezone.localdate()

    chair = current_chair(on=today)

    assert chair is not None
    assert chair == Chairmanship.objects.order_by("start").last()
    assert chair.representative_name_en != ""


def test_demo_records_the_declined_turns_the_rotation_skipped(demo):
    declined = TurnDeclination.objects.filter(turn_start__lt=D(2025, 1, 1))
    upcoming = chairmanship_propose_next()

    assert [(d.state.name_en, d.turn_start) for d in declined] == [
        ("Afghanistan", D(2023, 6, 5)),
    ]
    # The state due after today's Chair has declined, so the next turn passes on.
    assert [skip.reason for skip in upcoming.skipped] == ["declined"]
    assert upcoming.skipped[0].declination.turn_start == upcoming.start


def test_demo_afghanistan_declines_the_2023_turn_so_azerbaijan_chairs(demo):
    declination = TurnDeclination.objects.get(state__iso3="AFG")
    term = current_chair(on=D(2024, 1, 1))
    entry = next(e for e in chairmanship_history(terms=list(Chairmanship.objects.all()))
                 if e.term == term)

    assert (declination.turn_start, declination.declined_on) == (D(2023, 6, 5), D(2023, 2, 15))
    assert (term.state.iso3, term.start, term.end, term.basis) == (
        "AZE", D(2023, 6, 5), D(2025, 6, 4), ChairmanshipBasis.ROTATION,
    )
    assert [(skip.state.iso3, skip.reason) for skip in entry.skipped] == [("AFG", "declined")]
    assert not Chairmanship.objects.filter(state__iso3="AFG").exists()


def test_demo_terms_and_declined_turns_are_all_marked_illustrative(demo):
    # Nothing after the 2013 election is in the founding texts (issue 24, item 7).
    assert Chairmanship.objects.count() >= 7
    assert TurnDeclination.objects.count() == 2
    assert list(Chairmanship.objects.filter(illustrative=False)) == []
    assert list(TurnDeclination.objects.filter(illustrative=False)) == []


def test_demo_declinations_say_nothing_of_an_amendment(demo):
    # Declining a turn is what "voluntary" in the Operational Mechanism means.
    texts = [text for pair in TurnDeclination.objects.values_list("note_ru", "note_en")
             for text in pair]

    assert texts
    assert not [text for text in texts if "2016" in text or "mend" in text or "оправк" in text]


def test_demo_load_is_idempotent(demo):
    terms = list(Chairmanship.objects.order_by("start").values_list("pk", "state_id", "start"))
    declinations = list(TurnDeclination.objects.order_by("pk").values_list("pk", flat=True))

    membership_demo.load()
    summary = chairmanship_demo.load()

    assert list(
        Chairmanship.objects.order_by("start").values_list("pk", "state_id", "start")
    ) == terms
    assert list(TurnDeclination.objects.order_by("pk").values_list("pk", flat=True)) == (
        declinations
    )
    assert summary == (
        f"chairmanship: {len(terms)} terms since 2013, {len(declinations)} declined turns"
    )
