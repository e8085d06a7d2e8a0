"""Dates written for people, in the active language: the portal's one way.

Everything goes through Django's formats (``django.utils.formats``), so the
month names and their grammatical case come from Django's locale files
("4 июня" in Russian, "4 June" in English), and each language writes a date
one way everywhere (the portal's DATE_FORMAT, core/formats/):

- ``date_label`` for messages, validation errors and admin columns: the
  language's DATE_FORMAT ("5 июня 2013" / "5 June 2013"), a dash for no
  date;
- ``long_date`` for pages: day, month, year ("4 марта 2021" / "4 March 2021"),
  empty for no date;
- ``date_range`` for a span of days, as short as it reads well:
  "4–5 June 2015", "30 June – 1 July 2015", "30 December 2015 – 2 January
  2016".

Templates use the same functions through ``{% load dates %}``
(core/templatetags/dates.py).
"""

from __future__ import annotations

import datetime
import functools

from django.utils import formats
from django.utils.translation import get_language

DASH = "\u2013"  # en dash, spaced between two full dates
LONG = "j E Y"  # E: the month's name in the genitive, where the language has one


def date_label(value: datetime.date | None) -> str:
    """The date in the active language's DATE_FORMAT; a dash for no date."""
    if value is None:
        return "—"
    return formats.date_format(value, "DATE_FORMAT")


def long_date(value: datetime.date | None) -> str:
    """Day, month and year: "4 марта 2021" / "4 March 2021"; empty for no date.

    A date's text is remembered per language (date_format costs ~40 µs,
    twenty times an archive results page, and dates repeat). Only plain
    dates: two equal aware datetimes in different zones print different
    days."""
    if not value:
        return ""
    if type(value) is datetime.date:
        return _long_date(get_language(), value)
    return formats.date_format(value, LONG)


@functools.lru_cache(maxsize=4096)
def _long_date(language: str | None, value: datetime.date) -> str:
    # ``language`` is the cache's key: date_format reads the active one.
    return formats.date_format(value, LONG)


def date_range(start: datetime.date, end: datetime.date) -> str:
    """A span of days (a meeting's), as short as it reads well: 4–5 June
    2015, 30 June – 1 July 2015, 30 December 2015 – 2 January 2016
    (Russian: 4–5 июня 2015)."""
    if start == end:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{formats.date_format(start, 'j')}{DASH}{long_date(end)}"
    if start.year == end.year:
        return f"{formats.date_format(start, 'j E')} {DASH} {long_date(end)}"
    return f"{long_date(start)} {DASH} {long_date(end)}"
