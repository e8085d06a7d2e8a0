import datetime

import pytest

from chairmanship.enums import ChairmanshipBasis
from chairmanship.selectors import current_chair
from chairmanship.services import chairmanship_create

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def two_terms_with_a_gap(make_state):
    """Kazakhstan 2013–2015, then nobody for a year, then Tajikistan 2016–2018."""
    kazakhstan = make_state("Kazakhstan")
    tajikistan = make_state("Tajikistan")
    first = chairmanship_create(
        state=kazakhstan, start=D(2013, 6, 5), basis=ChairmanshipBasis.ELECTED
    )
    second = chairmanship_create(
        state=tajikistan, start=D(2016, 6, 5), end=D(2018, 6, 4),
        basis=ChairmanshipBasis.DECISION,
        decision_note_en="Chosen by consensus after a year without a Chair.",
    )
    return first, second


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2013, 6, 4), None),
        (D(2013, 6, 5), 0),
        (D(2015, 6, 4), 0),
        (D(2015, 6, 5), None),
        (D(2016, 6, 4), None),
        (D(2016, 6, 5), 1),
        (D(2018, 6, 4), 1),
        (D(2018, 6, 5), None),
    ],
)
def test_current_chair_on_a_date(two_terms_with_a_gap, on, expected):
    chair = current_chair(on=on)

    assert chair == (None if expected is None else two_terms_with_a_gap[expected])


def test_current_chair_without_terms_is_none(make_state):
    make_state("Kazakhstan")

    assert current_chair(on=D(2020, 1, 1)) is None
