"""Snippets look for the query's stems in the folded text instead of reading
every word (issue 11): the words they mark must be the same as when every
word was read, at the edges of that shortcut too."""

import pytest

from archive.enums import FileLanguage
from archive.search import snippet
from tests.factories.archive import DocumentFactory, DocumentFileFactory

pytestmark = pytest.mark.django_db


def document_with(summary_ru: str = "", text: str = "", summary_en: str = ""):
    document = DocumentFactory(title_ru="Доклад", title_en="Report", summary_ru=summary_ru,
                               summary_en=summary_en)
    if text:
        DocumentFileFactory(document=document, language=FileLanguage.RUSSIAN,
                            content=text.encode())
    return document


def test_snippet_leaves_a_word_that_only_contains_the_stem_unmarked():
    document = document_with(summary_ru="Небеженцы, сверхбеженцы и беженцы.")

    assert snippet(document=document, query="беженцы", language="ru") == (
        "Небеженцы, сверхбеженцы и <mark>беженцы</mark>."
    )


def test_snippet_marks_words_written_with_yo_and_capitals():
    document = document_with(summary_ru="РЕБЁНКА, ребёнку и ребенок.")

    assert snippet(document=document, query="ребёнок", language="ru") == (
        "<mark>РЕБЁНКА</mark>, <mark>ребёнку</mark> и <mark>ребенок</mark>."
    )


def test_snippet_marks_the_right_words_after_text_that_folding_lengthens():
    # "ß" folds to "ss": the folded text is longer than the text itself.
    document = document_with(summary_en="Straße, große Flüsse; refugees and REFUGEE camps.")

    assert snippet(document=document, query="refugee", language="en") == (
        "Straße, große Flüsse; <mark>refugees</mark> and <mark>REFUGEE</mark> camps."
    )


def test_snippet_marks_a_word_right_after_punctuation_and_at_the_start():
    document = document_with(text="беженцы(беженцев)«беженцам» 2024-беженцами_беженцах")

    assert snippet(document=document, query="беженец", language="ru") == (
        "<mark>беженцы</mark>(<mark>беженцев</mark>)«<mark>беженцам</mark>» "
        "2024-<mark>беженцами</mark>_<mark>беженцах</mark>"
    )


def test_snippet_collapses_white_space_of_the_text_it_quotes():
    document = document_with(text="Положение\n\n  беженцев\tв   регионе.")

    assert snippet(document=document, query="беженцы", language="ru") == (
        "Положение <mark>беженцев</mark> в регионе."
    )
