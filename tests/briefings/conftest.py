import pytest

from tests.factories.archive import DocumentFactory
from tests.factories.briefings import PackDocumentFactory, pdf_file
from tests.factories.meetings import AgendaItemFactory, MeetingFactory


@pytest.fixture
def meeting():
    """A held meeting with a Cyrillic title and a two-item agenda."""
    meeting = MeetingFactory(
        title_ru="Совещание старших должностных лиц в Алматы",
        title_en="Senior Officials' Meeting in Almaty",
    )
    AgendaItemFactory(meeting=meeting, position=1, title_ru="Открытие совещания",
                      title_en="Opening of the meeting")
    AgendaItemFactory(meeting=meeting, position=2, title_ru="Смешанная миграция в регионе",
                      title_en="Mixed migration in the region")
    return meeting


@pytest.fixture
def selected(meeting):
    """Three selected documents with Russian PDFs of 1, 2 and 3 pages."""
    documents = []
    for number, title in enumerate(["Концептуальная записка", "Доклад о беженцах",
                                     "Проект заключений"], start=1):
        document = DocumentFactory(title_ru=title, title_en=f"Document {number}")
        pdf_file(document, pages=number)
        PackDocumentFactory(meeting=meeting, document=document, position=number)
        documents.append(document)
    return documents
