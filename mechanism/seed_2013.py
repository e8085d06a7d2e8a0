"""The Operational Mechanism as adopted in 2013, paragraph by paragraph: the
text the archive's demo document is made of (``archive.demo.
operational_mechanism``: the Russian as written in shared/seeds, file 004,
and the English translation made for the portal), split into the kinds of
paragraph the page shows. Nothing is reworded: each paragraph's number
("1", "iii", "2)", "¹") is taken off the front of its text and kept apart,
and a bullet ("• ") is dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.demo.operational_mechanism import ENGLISH, RUSSIAN

from .enums import ParagraphKind

_PATTERNS = (
    (ParagraphKind.SECTION, re.compile(r"^(\d+)\. (.+)$")),
    (ParagraphKind.SUBSECTION, re.compile(r"^([ivx]+)\. (.+)$")),
    (ParagraphKind.ITEM, re.compile(r"^(\d+\)) (.+)$")),
    (ParagraphKind.FOOTNOTE, re.compile(r"^([¹²³⁴⁵⁶⁷⁸⁹⁰]+) (.+)$")),
)


@dataclass(frozen=True)
class SeedParagraph:
    kind: str
    number: str
    text_ru: str
    text_en: str


def classify(text: str) -> tuple[str, str, str]:
    """(kind, number, text without its number) of one paragraph."""
    for kind, pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            return kind, match.group(1), match.group(2)
    if text.startswith("• "):
        return ParagraphKind.ITEM, "", text[2:]
    # A heading of one word ("Местонахождение:" / "Location:").
    if text.endswith(":") and len(text.split()) == 1:
        return ParagraphKind.SUBSECTION, "", text
    return ParagraphKind.PARAGRAPH, "", text


def paragraphs() -> list[SeedParagraph]:
    """The 2013 text; the two languages paragraph for paragraph (a Russian
    paragraph and its English one must be of one kind and number)."""
    result = []
    for russian, english in zip(RUSSIAN, ENGLISH, strict=True):
        kind, number, text_ru = classify(russian)
        kind_en, number_en, text_en = classify(english)
        if (kind, number) != (kind_en, number_en):
            raise ValueError(f"The translation does not follow the text at {russian[:40]!r}")
        result.append(SeedParagraph(kind=kind, number=number, text_ru=text_ru, text_en=text_en))
    return result
