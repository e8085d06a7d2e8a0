"""The demo's Operational Mechanism: the 2013 text only, paragraph by
paragraph as the archive's document has it (nothing reworded), tied to the
2013 Conference's adopting outcome and the archive document."""

import datetime
from collections import Counter

import pytest

from archive.demo.operational_mechanism import ENGLISH, RUSSIAN
from mechanism import demo
from mechanism.enums import ParagraphKind
from mechanism.models import MechanismVersion
from mechanism.seed_2013 import classify, paragraphs
from meetings.enums import OutcomeKind
from tests.factories.archive import DocumentFactory
from tests.factories.mechanism import ministerial_outcome

D = datetime.date


def _rejoined(kind: str, number: str, text: str) -> str:
    if kind in (ParagraphKind.SECTION, ParagraphKind.SUBSECTION) and number:
        return f"{number}. {text}"
    if kind == ParagraphKind.ITEM:
        return f"{number} {text}" if number else f"• {text}"
    return f"{number} {text}" if number else text


def test_seed_keeps_every_word_of_the_text_and_its_translation():
    seed = paragraphs()

    assert [_rejoined(p.kind, p.number, p.text_ru) for p in seed] == list(RUSSIAN)
    assert [_rejoined(p.kind, p.number, p.text_en) for p in seed] == list(ENGLISH)


def test_seed_finds_the_headings_lists_and_footnotes_of_the_2013_text():
    seed = paragraphs()

    assert Counter(p.kind for p in seed) == {
        ParagraphKind.SECTION: 3, ParagraphKind.SUBSECTION: 8, ParagraphKind.ITEM: 22,
        ParagraphKind.FOOTNOTE: 4, ParagraphKind.PARAGRAPH: 15,
    }
    assert [p.number for p in seed if p.kind == ParagraphKind.SUBSECTION] == [
        "i", "ii", "iii", "", "iv", "v", "vi", "vii",
    ]
    assert seed[-1].text_ru == ("Данный Операционный механизм может быть изменен на "
                                "Министерских совещаниях Алматинского Процесса.")


def test_classify_leaves_an_ordinary_paragraph_whole():
    text = "Сфера полномочий Председателя включает следующее:"

    assert classify(text) == (ParagraphKind.PARAGRAPH, "", text)


@pytest.mark.django_db
def test_demo_loads_the_2013_text_once_tied_to_its_adoption_and_document():
    outcome = ministerial_outcome(
        day=D(2013, 6, 4), kind=OutcomeKind.DECISION,
        text_en="The Conference adopted the Operational Mechanism and launched the Almaty "
                "Process.")
    document = DocumentFactory(slug="operational-mechanism-2013", date=D(2013, 6, 5))

    first = demo.load()
    second = demo.load()

    version = MechanismVersion.objects.get()
    assert (version.in_force_from, version.outcome, version.document, version.illustrative) == (
        D(2013, 6, 4), outcome, document, True)
    assert version.paragraphs.count() == 52
    assert first == "mechanism: the 2013 text (52 paragraphs)"
    assert second == "mechanism: 1 version(s), none added now"
    assert "translation made for the portal's demonstration" in version.adoption_note_en


@pytest.mark.django_db
def test_demo_without_the_meetings_records_the_adoption_by_the_documents_date():
    DocumentFactory(slug="operational-mechanism-2013", date=D(2013, 6, 5))

    demo.load()

    version = MechanismVersion.objects.get()
    assert (version.outcome, version.adopted_on, version.in_force_from) == (
        None, D(2013, 6, 5), D(2013, 6, 5))
