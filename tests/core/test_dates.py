"""core.dates and ``{% load dates %}``: the portal's one way of writing a
date or a span of days, in either language, through Django's formats."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from core.dates import date_label, date_range, long_date

D = datetime.date


@pytest.mark.parametrize(
    ("lang", "start", "end", "expected"),
    [
        ("en", D(2015, 6, 4), D(2015, 6, 4), "4 June 2015"),
        ("en", D(2015, 6, 4), D(2015, 6, 5), "4–5 June 2015"),
        ("en", D(2015, 6, 30), D(2015, 7, 1), "30 June – 1 July 2015"),
        ("en", D(2015, 12, 30), D(2016, 1, 2), "30 December 2015 – 2 January 2016"),
        ("ru", D(2015, 6, 4), D(2015, 6, 5), "4–5 июня 2015"),
        ("ru", D(2015, 6, 30), D(2015, 7, 1), "30 июня – 1 июля 2015"),
        ("ru", D(2015, 12, 30), D(2016, 1, 2), "30 декабря 2015 – 2 января 2016"),
    ],
)
def test_date_range_reads_short_in_both_languages(lang, start, end, expected):
    with translation.override(lang):
        assert date_range(start, end) == expected


@pytest.mark.parametrize(("lang", "expected"), [("ru", "4 марта 2021"), ("en", "4 March 2021")])
def test_long_date_writes_the_month_in_the_active_language(lang, expected):
    with translation.override(lang):
        assert long_date(D(2021, 3, 4)) == expected


def test_long_date_remembers_each_language_apart():
    with translation.override("ru"):
        russian = long_date(D(2021, 3, 4))
    with translation.override("en"):
        english = long_date(D(2021, 3, 4))

    assert (russian, english) == ("4 марта 2021", "4 March 2021")


def test_long_date_of_a_datetime_prints_its_own_day():
    tz = datetime.timezone(datetime.timedelta(hours=5))
    late_utc = datetime.datetime(2021, 3, 4, 23, 0, tzinfo=datetime.UTC)

    with translation.override("en"):
        assert (long_date(late_utc), long_date(late_utc.astimezone(tz))) == (
            "4 March 2021", "5 March 2021",
        )


def test_long_date_of_no_date_is_empty():
    assert long_date(None) == ""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ru", "5 июня 2013"), ("en", "5 June 2013")],
)
def test_date_label_follows_the_active_language(lang, expected):
    with translation.override(lang):
        assert date_label(D(2013, 6, 5)) == expected


def test_date_label_of_no_date_is_a_dash():
    assert date_label(None) == "—"


def test_dates_library_gives_templates_the_same_functions():
    template = Template(
        "{% load dates %}{% date_range start end %} | {{ start|long_date }}"
        " | {{ start|date_label }}"
    )

    with translation.override("ru"):
        html = template.render(Context({"start": D(2015, 6, 4), "end": D(2015, 6, 5)}))

    assert html == "4–5 июня 2015 | 4 июня 2015 | 4 июня 2015"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ru", "16 октября 2026 | 16 октября 2026, 15:05 | 16 октября 2026"),
     ("en", "16 October 2026 | 16 October 2026, 15:05 | 16 October 2026")],
)
def test_django_own_date_output_writes_the_portal_format(lang, expected):
    """What Django prints by itself (a date or datetime in a template, the
    admin's columns, `|date` with no format) uses the same format as the
    portal's pages: no "Oct. 16, 2026, 3:05 p.m." beside "16 October 2026"
    on an English page, no "16 октября 2026 г." beside "16 октября 2026"."""
    when = timezone.make_aware(datetime.datetime(2026, 10, 16, 15, 5))
    template = Template("{{ day }} | {{ when }} | {{ when|date }}")

    with translation.override(lang), timezone.override("Asia/Almaty"):
        html = template.render(Context({"day": D(2026, 10, 16), "when": when}))

    assert html == expected
