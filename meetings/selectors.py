"""Named reads of meetings: the public list and page, the meeting's Chair,
the documents a visitor may see, and the cadence of the process."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Case, F, IntegerField, Prefetch, QuerySet, Value, When
from django.utils import timezone

from archive.models import Document
from archive.selectors import documents_visible_to
from chairmanship.models import Chairmanship
from chairmanship.selectors import current_chair

from .enums import MeetingStatus
from .models import AgendaItem, Meeting, MeetingDocument, MeetingOutcome


def meetings_for_list(*, today: datetime.date | None = None) -> QuerySet[Meeting]:
    """Every meeting for the public list: upcoming ones first (soonest
    first), then past ones (latest first). ``is_past`` is annotated so the
    page can head each part."""
    today = today or timezone.localdate()
    return (
        Meeting.objects.select_related("host_state")
        .annotate(is_past=Case(
            When(end__lt=today, then=Value(1)), default=Value(0), output_field=IntegerField(),
        ))
        .order_by(
            "is_past",
            Case(When(end__gte=today, then=F("start"))).asc(nulls_last=True),
            F("start").desc(),
            "pk",
        )
    )


def meeting_for_page(*, slug: str) -> Meeting | None:
    """The meeting at /meetings/<slug>/ with what its page shows (agenda,
    outcomes with the terms they confirm, themes), or None."""
    return (
        Meeting.objects.select_related("host_state", "chair_override")
        .prefetch_related(
            "themes",
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "pk")),
            Prefetch("outcomes", queryset=MeetingOutcome.objects.select_related(
                "confirms_chairmanship__state",
            ).order_by("position", "pk")),
        )
        .filter(slug=slug)
        .first()
    )


@dataclass(frozen=True)
class MeetingChair:
    """Who chairs a meeting: the state chairing the process on the first
    day (its term, for the representative), or the state recorded instead,
    with the reason."""

    state: object | None
    term: Chairmanship | None
    overridden: bool = False
    reason: str = ""


def meeting_chair(*, meeting: Meeting) -> MeetingChair:
    """One query at most (none when another state is recorded)."""
    if meeting.chair_override_id is not None:
        return MeetingChair(
            state=meeting.chair_override, term=None, overridden=True,
            reason=meeting.chair_override_reason,
        )
    term = current_chair(on=meeting.start)
    return MeetingChair(state=term.state if term else None, term=term)


def meeting_documents_for(*, meeting: Meeting, user) -> list[MeetingDocument]:
    """The meeting's documents this user may see (the archive's access
    rule: published, at an access level the user has), in the meeting's
    order, each with its document. One query."""
    return list(
        MeetingDocument.objects.filter(
            meeting=meeting, document__in=documents_visible_to(user=user),
        )
        .select_related("document")
        .defer("document__search_ru", "document__search_en", "document__search_plain")
        .order_by("position", "pk")
    )


def meetings_open_for_registration(*, now: datetime.datetime | None = None) -> QuerySet[Meeting]:
    """Meetings whose registration of delegations is open at ``now`` (the
    status says so and the moment falls within the window), soonest first."""
    now = now or timezone.now()
    return (
        Meeting.objects.select_related("host_state")
        .filter(status=MeetingStatus.REGISTRATION_OPEN, registration_opens__lte=now,
                registration_closes__gt=now)
        .order_by("start", "pk")
    )


def meetings_for_calendar(*, today: datetime.date | None = None, limit: int = 200):
    """The calendar feed: meetings that end a year ago or later, soonest
    first, at most ``limit``. One query."""
    today = today or timezone.localdate()
    return list(
        Meeting.objects.select_related("host_state")
        .filter(end__gte=today - datetime.timedelta(days=365))
        .order_by("start", "pk")[:limit]
    )


def meetings_of_document(*, document: Document) -> list[Meeting]:
    """The meetings a document belongs to, latest first: for the archive's
    document page (wired in by the template or context, so the archive
    imports nothing of meetings). One query."""
    return list(
        Meeting.objects.filter(document_links__document=document)
        .distinct().order_by("-start", "-pk")
    )
