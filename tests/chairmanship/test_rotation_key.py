"""The rotation order is a fact (each state's rotation key), not a display
label: correcting a state's name moves nothing; changing its rotation key
moves it."""

import datetime

import pytest

from chairmanship.enums import ChairmanshipBasis
from chairmanship.selectors import chairmanship_terms
from chairmanship.services import (
    chairmanship_create,
    chairmanship_history,
    chairmanship_project,
    chairmanship_propose_next,
    turn_decline,
)

pytestmark = pytest.mark.django_db

D = datetime.date
LAUNCH = D(2013, 6, 5)


@pytest.fixture
def region(make_state, pending_state):
    """Kazakhstan elected in 2013; in 2015 Kyrgyzstan declined and Tajikistan
    was pending, so the turn went to Turkmenistan by rotation."""
    states = {
        "Kazakhstan": make_state("Kazakhstan"),
        "Kyrgyzstan": make_state("Kyrgyzstan"),
        "Tajikistan": pending_state("Tajikistan"),
        "Turkmenistan": make_state("Turkmenistan"),
    }
    chairmanship_create(state=states["Kazakhstan"], start=LAUNCH, basis=ChairmanshipBasis.ELECTED)
    turn_decline(state=states["Kyrgyzstan"], turn_start=D(2015, 6, 5), declined_on=D(2015, 3, 1))
    chairmanship_create(
        state=states["Turkmenistan"], start=D(2015, 6, 5), basis=ChairmanshipBasis.ROTATION
    )
    return states


def rotation_outcome():
    """What the secretariat sees of the rotation: the history's skips, the
    next proposal and the projection."""
    history = chairmanship_history(terms=list(chairmanship_terms()))
    return {
        "skipped": [[skip.state.pk for skip in entry.skipped] for entry in history],
        "next": chairmanship_propose_next().state.pk,
        "projection": [
            (p.state.pk, p.start, [skip.state.pk for skip in p.skipped])
            for p in chairmanship_project(count=4, today=D(2016, 1, 1))
        ],
    }


def test_rotation_ignores_edits_of_the_display_names(region):
    before = rotation_outcome()
    kyrgyzstan = region["Kyrgyzstan"]
    # Alphabetically "The Kyrgyz Republic" would come after Turkmenistan.
    kyrgyzstan.name_en = "The Kyrgyz Republic"
    kyrgyzstan.name_ru = "Кыргызская Республика"
    kyrgyzstan.save()
    region["Turkmenistan"].name_en = "Aaa Turkmenistan"
    region["Turkmenistan"].save()

    after = rotation_outcome()

    assert after == before
    assert [state.pk for state in (p.state for p in chairmanship_project(
        count=3, today=D(2016, 1, 1)))] == [
        region["Kazakhstan"].pk, region["Kyrgyzstan"].pk, region["Turkmenistan"].pk,
    ]


def test_rotation_follows_a_changed_rotation_key(region):
    # Kazakhstan's key becomes its own transliteration, after Kyrgyzstan's.
    kazakhstan = region["Kazakhstan"]
    kazakhstan.rotation_key = "Qazaqstan"
    kazakhstan.save()

    projection = chairmanship_project(count=3, today=D(2016, 1, 1))

    # After Turkmenistan: Kyrgyzstan, Qazaqstan, (Tajikistan pending) Turkmenistan.
    assert [p.state.name_en for p in projection] == ["Kyrgyzstan", "Kazakhstan", "Turkmenistan"]


def test_history_skips_follow_a_changed_rotation_key(region):
    # After "Qazaqstan" the 2015 turn passed over only pending Tajikistan:
    # Kyrgyzstan no longer stands between the two terms.
    region["Kazakhstan"].rotation_key = "Qazaqstan"
    region["Kazakhstan"].save()

    history = chairmanship_history(terms=list(chairmanship_terms()))

    assert [[skip.state.name_en for skip in entry.skipped] for entry in history] == [
        [], ["Tajikistan"],
    ]
