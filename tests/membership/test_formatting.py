import datetime

import pytest
from django.utils import translation

from membership.formatting import date_label


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ru", "5 июня 2013 г."), ("en", "June 5, 2013")],
)
def test_date_label_follows_the_active_language(lang, expected):
    with translation.override(lang):
        assert date_label(datetime.date(2013, 6, 5)) == expected


def test_date_label_of_no_date_is_a_dash():
    assert date_label(None) == "—"
