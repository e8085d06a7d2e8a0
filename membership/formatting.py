"""The one way membership and chairmanship write a date into a message.

Validation errors, admin messages and computed admin columns all name dates in
the active language's DATE_FORMAT ("5 июня 2013 г." / "June 5, 2013"), so a
message reads the same whichever module raised it.
"""

import datetime

from django.utils import formats


def date_label(value: datetime.date | None) -> str:
    """The date in the active language's DATE_FORMAT; a dash for no date."""
    if value is None:
        return "—"
    return formats.date_format(value, "DATE_FORMAT")
