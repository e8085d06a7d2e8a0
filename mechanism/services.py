"""Writes of the Operational Mechanism's versions. The rules are
``MechanismVersion.clean`` (see mechanism.models): a later text is an
amendment adopted by a Ministerial Conference outcome of the kind
"Amendment of the Operational Mechanism"; the original text records its
adoption."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from archive.models import Document
from meetings.models import MeetingOutcome

from .models import MechanismParagraph, MechanismVersion


def version_save(*, version: MechanismVersion) -> MechanismVersion:
    """Validate and save a version (its paragraphs are kept)."""
    if version.outcome_id is not None and version.adopted_on is None:
        version.adopted_on = version.outcome.adopted_on
    version.full_clean()
    with transaction.atomic():
        version.save()
    return version


def version_create(
    *, in_force_from: datetime.date, paragraphs: Iterable[dict],
    outcome: MeetingOutcome | None = None, adopted_on: datetime.date | None = None,
    document: Document | None = None, adoption_note_ru: str = "", adoption_note_en: str = "",
    illustrative: bool = False,
) -> MechanismVersion:
    """A new version with its paragraphs (dicts of ``kind``, ``number``,
    ``text_ru``, ``text_en``, in the text's order)."""
    with transaction.atomic():
        version = version_save(version=MechanismVersion(
            in_force_from=in_force_from, outcome=outcome, adopted_on=adopted_on,
            document=document, adoption_note_ru=adoption_note_ru,
            adoption_note_en=adoption_note_en, illustrative=illustrative,
        ))
        rows = [MechanismParagraph(version=version, position=position, **fields)
                for position, fields in enumerate(paragraphs, start=1)]
        for row in rows:
            row.full_clean()
        bulk_create_with_history(rows, MechanismParagraph)
    return version


def paragraphs_copy(*, source: MechanismVersion, target: MechanismVersion) -> int:
    """Give ``target`` (a version without paragraphs) the paragraphs of
    ``source``, to be edited into the amended text. Returns how many."""
    with transaction.atomic():
        if target.paragraphs.exists():
            return 0
        rows = [MechanismParagraph(version=target, position=p.position, kind=p.kind,
                                   number=p.number, text_ru=p.text_ru, text_en=p.text_en)
                for p in source.paragraphs.order_by("position")]
        bulk_create_with_history(rows, MechanismParagraph)
    return len(rows)


def version_amend(
    *, previous: MechanismVersion, outcome: MeetingOutcome, in_force_from: datetime.date,
    **fields,
) -> MechanismVersion:
    """An amended text: a copy of ``previous``'s paragraphs, to be edited,
    adopted by ``outcome``."""
    paragraphs = [
        {"kind": p.kind, "number": p.number, "text_ru": p.text_ru, "text_en": p.text_en}
        for p in previous.paragraphs.order_by("position")
    ]
    return version_create(in_force_from=in_force_from, outcome=outcome, paragraphs=paragraphs,
                          **fields)
