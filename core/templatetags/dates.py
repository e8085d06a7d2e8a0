"""``{% load dates %}``: core.dates for templates.

- ``{% date_range meeting.start meeting.end %}`` → "4–5 June 2015";
- ``{{ value|long_date }}`` → "4 March 2021";
- ``{{ value|date_label }}`` → the language's DATE_FORMAT, a dash for none;
- ``{{ text|bind_year }}`` → "2027 г." with a no-break space (core.typography).

Each returns plain text (autoescaped like any other value).
"""

from django import template

from core import dates, typography

register = template.Library()

register.simple_tag(dates.date_range, name="date_range")
register.filter("long_date", dates.long_date)
register.filter("date_label", dates.date_label)
register.filter("bind_year", typography.bind_year_abbreviations, is_safe=True)
