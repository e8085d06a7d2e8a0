"""Demo of the Operational Mechanism: the 2013 text only (the founding
texts record no amendment, and the demo invents none), paragraph by
paragraph as the archive's demo document has it (``mechanism.seed_2013``),
tied to the 2013 Ministerial Conference's outcome that adopted it (meetings
demo) and to the archive's document. Its date is the demo's 2013 Conference,
an illustrative date, so the version is marked illustrative. Idempotent."""

from __future__ import annotations

import datetime
from dataclasses import asdict

from archive.models import Document
from meetings.enums import MeetingKind
from meetings.models import MeetingOutcome

from .models import MechanismVersion
from .seed_2013 import paragraphs
from .services import version_create

DOCUMENT_SLUG = "operational-mechanism-2013"
NOTE_RU = ("Текст на русском языке приведён по исходному документу; английский текст — перевод, "
           "подготовленный для демонстрации портала.")
NOTE_EN = ("The Russian text is the source document's; the English text is a translation made "
           "for the portal's demonstration.")


def _adopting_outcome() -> MeetingOutcome | None:
    return (
        MeetingOutcome.objects.filter(
            meeting__kind=MeetingKind.MINISTERIAL, meeting__start__year=2013,
            text_en__icontains="adopted the Operational Mechanism",
        ).select_related("meeting").first()
    )


def load() -> str:
    if MechanismVersion.objects.exists():
        return f"mechanism: {MechanismVersion.objects.count()} version(s), none added now"
    outcome = _adopting_outcome()
    document = Document.objects.filter(slug=DOCUMENT_SLUG).first()
    if outcome is not None:
        in_force_from, adopted_on = outcome.adopted_on, None
    else:
        in_force_from = document.date if document else datetime.date(2013, 6, 5)
        adopted_on = in_force_from
    version = version_create(
        in_force_from=in_force_from, outcome=outcome, adopted_on=adopted_on, document=document,
        adoption_note_ru=NOTE_RU, adoption_note_en=NOTE_EN, illustrative=True,
        paragraphs=[asdict(paragraph) for paragraph in paragraphs()],
    )
    return f"mechanism: the 2013 text ({version.paragraphs.count()} paragraphs)"
