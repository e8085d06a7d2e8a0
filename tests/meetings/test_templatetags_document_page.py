"""The archive's document page lists the meetings the document belongs to,
through the meetings app's template tag (archive code imports nothing of
meetings)."""

import datetime

import pytest

from archive.enums import PublicationStatus
from tests.factories.archive import DocumentFactory
from tests.factories.meetings import MeetingDocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_document_page_lists_its_meetings_latest_first(client):
    document = DocumentFactory(status=PublicationStatus.PUBLISHED)
    older = MeetingFactory(
        title_ru="Совещание старших должностных лиц 2024", title_en="SOM 2024",
        start=datetime.date(2024, 10, 1), end=datetime.date(2024, 10, 2),
    )
    newer = MeetingFactory(
        title_ru="Совещание старших должностных лиц 2025", title_en="SOM 2025",
        start=datetime.date(2025, 10, 1), end=datetime.date(2025, 10, 2),
    )
    MeetingDocumentFactory(meeting=older, document=document)
    MeetingDocumentFactory(meeting=newer, document=document)

    html = client.get(f"/en/archive/{document.slug}/").content.decode()

    assert '<h2 id="document-meetings-title">Meetings</h2>' in html
    assert html.index(newer.get_absolute_url()) < html.index(older.get_absolute_url())


def test_document_page_without_meetings_has_no_meetings_section(client):
    document = DocumentFactory(status=PublicationStatus.PUBLISHED)

    html = client.get(f"/ru/archive/{document.slug}/").content.decode()

    assert "document-meetings-title" not in html
