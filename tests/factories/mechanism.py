"""Versions of the Operational Mechanism: rows written directly (for pages
and query counts) and, through the services, an original text with an
amendment (the demo has none)."""

import datetime

import factory

from mechanism.enums import ParagraphKind
from mechanism.models import MechanismParagraph, MechanismVersion
from mechanism.services import version_amend, version_create
from meetings.enums import MeetingKind, OutcomeKind

from .meetings import MeetingFactory, MeetingOutcomeFactory

D = datetime.date
AMENDED_ON = D(2015, 6, 4)


class MinisterialConferenceFactory(MeetingFactory):
    kind = MeetingKind.MINISTERIAL
    title_ru = factory.Sequence(lambda n: f"Министерская конференция № {n}")
    title_en = factory.Sequence(lambda n: f"Ministerial Conference no. {n}")
    start = D(2015, 6, 3)


def ministerial_outcome(*, day: datetime.date, kind: str = OutcomeKind.AMENDMENT, **fields):
    """An outcome adopted on ``day``, the last day of a Ministerial Conference."""
    meeting = MinisterialConferenceFactory(start=day - datetime.timedelta(days=1), end=day)
    return MeetingOutcomeFactory(meeting=meeting, kind=kind, adopted_on=day, **fields)


class MechanismVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MechanismVersion

    in_force_from = D(2013, 6, 4)
    adopted_on = factory.SelfAttribute("in_force_from")


class MechanismParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MechanismParagraph

    version = factory.SubFactory(MechanismVersionFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = ParagraphKind.PARAGRAPH
    text_ru = factory.Sequence(lambda n: f"Абзац {n}.")
    text_en = factory.Sequence(lambda n: f"Paragraph {n}.")
    text = factory.SelfAttribute("text_ru")


ORIGINAL = [
    {"kind": ParagraphKind.SECTION, "number": "1", "text_ru": "Общие сведения",
     "text_en": "General"},
    {"kind": ParagraphKind.PARAGRAPH, "number": "",
     "text_ru": "Председательство открыто для всех государств-участников.",
     "text_en": "The Chairmanship is open to all participant states."},
    {"kind": ParagraphKind.ITEM, "number": "1)", "text_ru": "Содействовать диалогу;",
     "text_en": "To promote dialogue;"},
    {"kind": ParagraphKind.ITEM, "number": "2)", "text_ru": "Поощрять сотрудничество.",
     "text_en": "To encourage cooperation."},
    {"kind": ParagraphKind.PARAGRAPH, "number": "",
     "text_ru": "Срок полномочий будет составлять 2 года.",
     "text_en": "The term of office will be 2 years."},
]


def original_with_amendment(*, amended_on: datetime.date = AMENDED_ON):
    """The original text (adopted on 4 June 2013) and one amendment in force
    from ``amended_on``: the term of office changed, the second list item
    deleted, and a paragraph on observers added at the end."""
    original = version_create(
        in_force_from=D(2013, 6, 4), adopted_on=D(2013, 6, 4), paragraphs=ORIGINAL,
    )
    amended = version_amend(previous=original, outcome=ministerial_outcome(day=amended_on),
                            in_force_from=amended_on)
    paragraphs = {p.position: p for p in amended.paragraphs.all()}
    paragraphs[5].text_ru = "Срок полномочий будет составлять 3 года."
    paragraphs[5].text_en = "The term of office will be 3 years."
    paragraphs[5].save()
    paragraphs[4].delete()
    MechanismParagraph.objects.create(
        version=amended, position=6, kind=ParagraphKind.PARAGRAPH,
        text_ru="Наблюдатели могут участвовать во всех заседаниях.",
        text_en="Observers may take part in all meetings.",
    )
    return original, amended
