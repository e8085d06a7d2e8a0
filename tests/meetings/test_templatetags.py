import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

from tests.factories.archive import DocumentFactory
from tests.factories.meetings import MeetingDocumentFactory, MeetingFactory

D = datetime.date


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
