"""Typography for print: what keeps words together on a line.

Russian writes a year with «г.» ("2027 г.", "2021–2023 гг."): a line break
between the number and the abbreviation leaves «г.» alone at the start of
a line, which a typesetter never does. ``bind_year_abbreviations`` puts a
no-break space there, in any text (a meeting's title as the secretariat
typed it)."""

from __future__ import annotations

import re

NBSP = "\u00a0"
_YEAR_ABBREVIATION = re.compile(r"(\d)[ \t]+(гг?\.)")


def bind_year_abbreviations(text: str) -> str:
    """``text`` with a no-break space between a number and «г.»/«гг.»."""
    return _YEAR_ABBREVIATION.sub(rf"\1{NBSP}\2", str(text))
