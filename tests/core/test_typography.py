"""core.typography: a year keeps its «г.» on the same line."""

import pytest

from core.typography import bind_year_abbreviations


@pytest.mark.parametrize(("text", "bound"), [
    ("Совещание 2027 г.", "Совещание 2027\u00a0г."),
    ("на 2021–2023 гг. и далее", "на 2021–2023\u00a0гг. и далее"),
    ("Senior Officials' Meeting 2027", "Senior Officials' Meeting 2027"),
    ("5 городов", "5 городов"),
])
def test_bind_year_abbreviations_puts_a_no_break_space_before_the_abbreviation(text, bound):
    assert bind_year_abbreviations(text) == bound
