"""``{% load dates %}``: core.dates for templates.

- ``{% date_range meeting.start meeting.end %}`` → "4–5 June 2015";
- ``{{ value|long_date }}`` → "4 March 2021";
- ``{{ value|date_label }}`` → the language's DATE_FORMAT, a dash for none.

Each returns plain text (autoescaped like any other value).
"""

from django import template

from core import dates

register = template.Library()

register.simple_tag(dates.date_range, name="date_range")
register.filter("long_date", dates.long_date)
register.filter("date_label", dates.date_label)
