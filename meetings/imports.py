"""The archive import's meeting column (archive.imports.hooks): a row
names the meeting its document belongs to by the meeting's address
(``/meetings/<slug>/``: the slug, or the whole address); the document is
linked to it as the meeting's "other document", once. Registered from
meetings' ready(): the archive knows nothing of meetings."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .models import Meeting, MeetingDocument
from .services.meetings import meeting_document_link

MSG_NO_SUCH_MEETING = _(
    "There is no meeting at the address “%(value)s”: give the meeting's address as in "
    "/meetings/<address>/."
)


def slug_of(value: str) -> str:
    """``senior-officials-meeting-2025``, also from a pasted address
    (``https://…/ru/meetings/senior-officials-meeting-2025/``)."""
    value = value.strip().rstrip("/")
    return value.rsplit("/", 1)[-1].lower()


def check(value: str) -> dict | None:
    from archive.imports.report import in_every_language

    if Meeting.objects.filter(slug=slug_of(value)).exists():
        return None
    return in_every_language(MSG_NO_SUCH_MEETING, value=value)


def link(*, document, value: str, by=None) -> None:
    meeting = Meeting.objects.get(slug=slug_of(value))
    if not MeetingDocument.objects.filter(meeting=meeting, document=document).exists():
        meeting_document_link(meeting=meeting, document=document)


def register() -> None:
    from archive.imports.hooks import import_meeting_link_register

    import_meeting_link_register(check=check, link=link)
