"""Demo briefing packs: the Russian and English packs of one held demo
meeting (the latest held meeting with a registered delegation, else the
one with the most documents), built through the same task as in
production: in-process after load_demo's commit when no Redis is
configured, by the worker otherwise. A pack already built and up to date
is left alone."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef

from meetings.enums import DelegationStatus, MeetingStatus
from meetings.models import Delegation, Meeting

from .enums import PackKind, PackLanguage
from .models import BriefingPack
from .services import pack_request


def demo_meeting() -> Meeting | None:
    return (
        Meeting.objects.filter(status=MeetingStatus.HELD)
        .annotate(
            registered=Exists(Delegation.objects.filter(
                meeting=OuterRef("pk"), status=DelegationStatus.SUBMITTED)),
            documents=Count("document_links"),
        )
        .filter(documents__gt=0)
        .order_by("-registered", "-documents", "-start")
        .first()
    )


def load() -> str:
    meeting = demo_meeting()
    if meeting is None:
        return "briefings: no held meeting with documents, no pack built"
    requested = []
    for language in PackLanguage.values:
        built = BriefingPack.objects.filter(
            meeting=meeting, kind=PackKind.BRIEFING, language=language, version__gt=0,
            stale=False,
        ).exists()
        if not built:
            pack_request(meeting=meeting, language=language, kind=PackKind.BRIEFING)
            requested.append(language)
    return (
        f"briefings: packs of {meeting.slug} "
        f"({', '.join(requested) + ' built after the commit' if requested else 'up to date'})"
    )
