"""Demo briefing packs, built through the same task as in production
(in-process after load_demo's commit when no Redis is configured, by the
worker otherwise):

- the Russian and English briefing packs of a held demo meeting (the latest
  one with documents), its selection made of its own documents and the
  public demo documents nearest its dates: staff see them in the admin;
- the Russian and English briefing packs of the meeting with registered
  delegations (the one open for registration), so that a registered
  coordinator finds a finished pack on the meeting's page.

A pack already built and up to date is left alone; a selection already
made is kept."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef

from archive.enums import PublicationStatus
from archive.models import Document
from meetings.enums import DelegationStatus, MeetingStatus
from meetings.models import Delegation, Meeting

from .enums import PackKind, PackLanguage
from .models import BriefingPack, PackDocument
from .selectors import PACK_ACCESS_LEVELS
from .services import pack_documents_set, pack_request

SELECTION_SIZE = 5


def held_meeting() -> Meeting | None:
    return (
        Meeting.objects.filter(status=MeetingStatus.HELD)
        .annotate(documents=Count("document_links"))
        .filter(documents__gt=0)
        .order_by("-start")
        .first()
    )


def registered_meeting() -> Meeting | None:
    return (
        Meeting.objects.filter(Exists(Delegation.objects.filter(
            meeting=OuterRef("pk"), status=DelegationStatus.SUBMITTED)))
        .order_by("-start")
        .first()
    )


def _select(meeting: Meeting) -> None:
    """The meeting's own documents, then the public demo documents with a
    file nearest its dates."""
    if PackDocument.objects.filter(meeting=meeting).exists():
        return
    own = [link.document for link in meeting.document_links.select_related("document")
           .order_by("position", "pk")]
    candidates = (
        Document.objects.filter(status=PublicationStatus.PUBLISHED,
                                access__in=PACK_ACCESS_LEVELS[True], files__isnull=False)
        .exclude(pk__in=[d.pk for d in own]).distinct()
    )
    nearest = sorted(candidates, key=lambda d: abs((d.date - meeting.start).days))
    pack_documents_set(meeting=meeting, documents=(own + nearest)[:SELECTION_SIZE])


def _build(meeting: Meeting) -> list[str]:
    requested = []
    for language in PackLanguage.values:
        if not BriefingPack.objects.filter(
            meeting=meeting, kind=PackKind.BRIEFING, language=language, version__gt=0,
            stale=False,
        ).exists():
            pack_request(meeting=meeting, language=language, kind=PackKind.BRIEFING)
            requested.append(language)
    return requested


def load() -> str:
    parts = []
    for meeting in dict.fromkeys(m for m in (held_meeting(), registered_meeting()) if m):
        _select(meeting)
        requested = _build(meeting)
        parts.append(f"{meeting.slug} ({', '.join(requested) or 'up to date'})")
    if not parts:
        return "briefings: no meeting to build packs for"
    return f"briefings: packs of {'; '.join(parts)}, built after the commit"
