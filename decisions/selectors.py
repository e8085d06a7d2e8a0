"""Named reads of the decisions register. Who may see an outcome is
meetings' one rule (``meetings.selectors.outcomes_visible_to``: published,
at an access level the reader has, the archive's levels); every surface
here (the list, its search and count, an outcome's page, the feeds, the
sitemap, the alerts, the coordinators' follow-up and the packs' report)
starts from ``outcomes_visible_to`` below. The documents that carry an
outcome and a follow-up's evidence are the archive's rule
(``archive.selectors.documents_visible_to``)."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone

from archive.models import Document, Theme
from archive.search.word_forms import rows_matching
from archive.selectors import documents_visible_to
from meetings import selectors as meetings_selectors
from meetings.enums import MeetingKind
from meetings.models import Meeting
from membership.models import ParticipantState
from membership.permissions import roles_of

from .enums import OPEN_STATUSES, Responsible
from .models import FollowUpItem, RegisterOutcome

# What a list row shows; the documents and follow-up come with the page.
_LIST_RELATED = ("meeting", "confirms_chairmanship__state")


def outcomes_visible_to(*, user, now: datetime.datetime | None = None
                        ) -> QuerySet[RegisterOutcome]:
    """The register's outcomes this user (None: anonymous) may see."""
    return meetings_selectors.outcomes_visible_to(
        user=user, now=now, queryset=RegisterOutcome.objects.all(),
    )


def outcomes_published_between(*, user, start: datetime.datetime,
                               end: datetime.datetime) -> QuerySet[RegisterOutcome]:
    """Outcomes this user (None: anonymous) may see whose register entry
    was published in [start, end) (aware datetimes), oldest first, each
    with ``get_absolute_url()``: what the alerts tell subscribers of."""
    return (
        outcomes_visible_to(user=user, now=end)
        .filter(published_at__gte=start, published_at__lt=end)
        .select_related(*_LIST_RELATED)
        .order_by("published_at", "pk")
    )


def outcomes_for_list(*, user) -> QuerySet[RegisterOutcome]:
    """The register's list: the latest adopted first, with the meeting and
    the term a confirmation names (one query for a page)."""
    return (
        outcomes_visible_to(user=user).select_related(*_LIST_RELATED)
        .order_by("-adopted_on", "-meeting__start", "position", "pk")
    )


def outcomes_matching(queryset: QuerySet[RegisterOutcome], *, query: str
                      ) -> QuerySet[RegisterOutcome]:
    """The outcomes of ``queryset`` holding every word of ``query`` in some
    form (the archive's word analyser, either language) in their text or
    their meeting's title; those whose meeting's title holds every word
    first, then the latest adopted."""
    return rows_matching(
        queryset.alias(title_ru=F("meeting__title_ru"), title_en=F("meeting__title_en")),
        query=query, fields=("text", "title"), newest=("-adopted_on",),
    )


def outcome_for_page(*, pk: int, user) -> RegisterOutcome | None:
    """One outcome this user may see, with what its page shows: the
    meeting, its themes and the states concerned, the documents that carry
    it which the user may see, and its follow-up items (each with the
    evidence the user may see). None when there is no such outcome for the
    user."""
    visible_documents = documents_visible_to(user=user).defer(
        "search_ru", "search_en", "search_plain").order_by("-published_at", "pk")
    return (
        outcomes_visible_to(user=user).select_related(*_LIST_RELATED)
        .prefetch_related(
            "themes", Prefetch("states", queryset=ParticipantState.objects.order_by("name")),
            Prefetch("documents", queryset=visible_documents, to_attr="visible_documents"),
            Prefetch("follow_up_items", queryset=FollowUpItem.objects.select_related("state")
                     .prefetch_related(Prefetch("evidence", queryset=visible_documents,
                                                to_attr="visible_evidence"))
                     .order_by("position", "pk")),
        )
        .filter(pk=pk).first()
    )


def outcomes_for_feed(*, limit: int) -> list[RegisterOutcome]:
    """The feeds: public outcomes only, whoever asks (feed readers share
    what they fetch), the latest published first. One query."""
    return list(
        outcomes_visible_to(user=AnonymousUser()).select_related(*_LIST_RELATED)
        .order_by("-published_at", "-pk")[:limit]
    )


def outcomes_for_sitemap() -> QuerySet[RegisterOutcome]:
    """The sitemap: public outcomes only, narrow rows."""
    return (
        outcomes_visible_to(user=AnonymousUser()).only("pk", "published_at", "adopted_on")
        .order_by("pk")
    )


def filter_choices() -> dict[str, list]:
    """The filters' themes and states (those some outcome names). Two queries."""
    return {
        "themes": list(Theme.objects.filter(meeting_outcomes__isnull=False).distinct()
                       .order_by("name")),
        "states": list(ParticipantState.objects.filter(meeting_outcomes__isnull=False)
                       .distinct().order_by("name")),
    }


# --- Follow-up ----------------------------------------------------------------------


def follow_up_state(*, user) -> ParticipantState | None:
    """The state whose follow-up items this user updates: the one they
    coordinate today (never staff's: they have the admin)."""
    return roles_of(user).state


def follow_up_of_state(*, state: ParticipantState, user) -> list[FollowUpItem]:
    """A state's follow-up items, of outcomes the user may see, open ones
    first, then by due date; each with its outcome, meeting and the
    evidence the user may see. Three queries."""
    visible_documents = documents_visible_to(user=user).defer(
        "search_ru", "search_en", "search_plain").order_by("-published_at", "pk")
    return list(
        FollowUpItem.objects.filter(
            state=state, responsible=Responsible.STATE,
            outcome__in=outcomes_visible_to(user=user).values("pk"),
        )
        .select_related("outcome__meeting", "state")
        .prefetch_related(Prefetch("evidence", queryset=visible_documents,
                                   to_attr="visible_evidence"))
        .order_by(F("status").desc(), "due_on", "pk")
    )


def follow_up_item_for(*, pk: int, state: ParticipantState, user) -> FollowUpItem | None:
    """One of the state's follow-up items (of an outcome the user may see)."""
    return (
        FollowUpItem.objects.filter(
            pk=pk, state=state, responsible=Responsible.STATE,
            outcome__in=outcomes_visible_to(user=user).values("pk"),
        ).select_related("outcome__meeting", "state").first()
    )


def evidence_choices(*, user) -> QuerySet[Document]:
    """The documents a user may give as evidence: those they may see."""
    return documents_visible_to(user=user).defer(
        "search_ru", "search_en", "search_plain").order_by("-published_at", "pk")


def previous_som(*, meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(kind=MeetingKind.SENIOR_OFFICIALS, start__lt=meeting.start)
        .order_by("-start", "-pk").first()
    )


def follow_up_for_pack(*, meeting: Meeting) -> list[FollowUpItem]:
    """The follow-up report of a Senior Officials' Meeting's pack: the items
    of public outcomes adopted before its first day, since the previous
    Senior Officials' Meeting began, and those still open from earlier
    outcomes; by outcome, then in order. A pack is read by a whole audience,
    so only public outcomes and public evidence. Empty for another kind."""
    if meeting.kind != MeetingKind.SENIOR_OFFICIALS:
        return []
    previous = previous_som(meeting=meeting)
    items = FollowUpItem.objects.filter(
        outcome__in=outcomes_visible_to(user=None).filter(adopted_on__lt=meeting.start)
        .values("pk"),
    )
    if previous is not None:
        items = items.filter(Q(outcome__adopted_on__gte=previous.start)
                             | Q(status__in=OPEN_STATUSES))
    return list(
        items.select_related("outcome__meeting", "state")
        .prefetch_related(Prefetch("evidence", queryset=evidence_choices(user=None),
                                   to_attr="visible_evidence"))
        .order_by("outcome__adopted_on", "outcome__position", "outcome_id", "position", "pk")
    )


def soms_reporting_on(*, adopted_on: datetime.date) -> list[int]:
    """The Senior Officials' Meetings whose packs report on the follow-up
    of an outcome adopted on ``adopted_on``: those after it, not yet over
    (a past meeting's pack keeps the report it was built with)."""
    return list(
        Meeting.objects.filter(kind=MeetingKind.SENIOR_OFFICIALS, start__gt=adopted_on,
                               end__gte=timezone.localdate())
        .values_list("pk", flat=True)
    )
