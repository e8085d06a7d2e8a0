import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

from meetings.templatetags.meetings import date_range
from tests.factories.archive import DocumentFactory
from tests.factories.meetings import MeetingDocumentFactory, MeetingFactory

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
    ],
)
def test_date_range_reads_short_in_both_languages(lang, start, end, expected):
    with translation.override(lang):
        assert date_range(start, end) == expected


@pytest.mark.django_db
def test_document_meetings_partial_lists_the_meetings_of_a_document():
    document = DocumentFactory()
    MeetingDocumentFactory(document=document, meeting=MeetingFactory(
        title_en="Senior Officials' Meeting 2019", slug="som-2019",
        start=D(2019, 10, 15), end=D(2019, 10, 16),
    ))

    with translation.override("en"):
        html = render_to_string("meetings/_document_meetings.html", {"document": document})

    assert re.sub(r"\s+", " ", strip_tags(html)).strip() == (
        "Meetings Senior Officials&#x27; Meeting 2019 (15–16 October 2019)"
    )
    assert 'href="/en/meetings/som-2019/"' in html


@pytest.mark.django_db
def test_document_meetings_partial_is_empty_for_a_document_of_no_meeting():
    html = render_to_string("meetings/_document_meetings.html", {"document": DocumentFactory()})

    assert html.strip() == ""
