"""Named reads of meetings: the public list and page, the meeting's Chair,
the documents a visitor may see, and the cadence of the process."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FilteredRelation,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from archive.models import Document
from archive.search.word_forms import rows_matching
from archive.selectors import access_levels_for, documents_visible_to
from chairmanship.models import Chairmanship
from chairmanship.selectors import current_chair
from membership.enums import MembershipStatus, OrganisationKind
from membership.models import MembershipPeriod, in_office_on

from .credentials import credentials_words
from .enums import (
    ROLE_ORDER,
    Accreditation,
    DelegateRole,
    DelegationGroup,
    DelegationStatus,
    MeetingStatus,
)
from .models import AgendaItem, Delegate, Delegation, Meeting, MeetingDocument, MeetingOutcome


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


def meeting_for_page(*, slug: str, prefetch: bool = True) -> Meeting | None:
    """The meeting at /meetings/<slug>/ with what its page shows (agenda,
    themes; the outcomes a visitor may see: ``meeting_outcomes_for``), or None;
    without them (``prefetch=False``) for a page whose body may be kept."""
    meetings = Meeting.objects.select_related("host_state", "chair_override").filter(slug=slug)
    meeting = meetings.first()
    return meeting_page_prefetch(meeting) if prefetch and meeting is not None else meeting


def meeting_page_prefetch(meeting: Meeting) -> Meeting:
    """Read a meeting's agenda and themes (two queries)."""
    prefetch_related_objects([meeting], "themes", Prefetch(
        "agenda_items", queryset=AgendaItem.objects.order_by("position", "pk")))
    return meeting


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


def outcomes_visible_to(*, user, now: datetime.datetime | None = None,
                        queryset: QuerySet | None = None) -> QuerySet[MeetingOutcome]:
    """The outcomes (of ``queryset``: all) this user (or None) may see on every
    surface (a meeting's page, the decisions register, its search, counts,
    feeds, sitemap, alerts): every meeting's record is public; an outcome shows
    from its ``published_at`` on, at an access level the user has (the archive's)."""
    return (MeetingOutcome.objects if queryset is None else queryset).filter(
        published_at__lte=now or timezone.now(), access__in=access_levels_for(user=user))


def meeting_outcomes_for(*, meeting: Meeting, user) -> list[MeetingOutcome]:
    """The meeting's outcomes this user may see, in order. One query."""
    return list(outcomes_visible_to(user=user).filter(meeting=meeting).select_related(
        "confirms_chairmanship__state").order_by("position", "pk"))


def next_outcome_publication(*, now: datetime.datetime) -> datetime.datetime | None:
    """When an outcome recorded ahead enters the pages (the page cache's clock)."""
    return (MeetingOutcome.objects.filter(published_at__gt=now).order_by("published_at")
            .values_list("published_at", flat=True).first())


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


def meetings_for_feed(*, today: datetime.date | None = None, limit: int = 30) -> list[Meeting]:
    """The RSS/Atom feeds: upcoming meetings and those that ended in the last
    year, newest first by their first day, at most ``limit``. One query."""
    today = today or timezone.localdate()
    return list(
        Meeting.objects.select_related("host_state")
        .filter(end__gte=today - datetime.timedelta(days=365))
        .order_by("-start", "-pk")[:limit]
    )


def meetings_of_document(*, document: Document) -> list[Meeting]:
    """The meetings a document belongs to, latest first: for the archive's
    document page (wired in by the template or context, so the archive
    imports nothing of meetings). One query."""
    return list(
        Meeting.objects.filter(document_links__document=document)
        .distinct().order_by("-start", "-pk")
    )


# --- Delegations in protocol order ----------------------------------------------


def _with_participation(queryset: QuerySet[Delegation], *, on: datetime.date):
    """Annotate ``state_is_participant``: the delegation's state is a
    participant on ``on`` (the meeting's first day)."""
    return queryset.annotate(state_is_participant=Exists(
        MembershipPeriod.objects.filter(
            in_office_on(on), state=OuterRef("state"), status=MembershipStatus.PARTICIPANT,
        )
    ))


def delegation_group(delegation: Delegation) -> DelegationGroup:
    """Participant states (on the meeting's first day), observer states (a
    pending state, or an organisation of the kind "observer state"), then
    organisations. Needs ``state_is_participant`` annotated."""
    if delegation.state_id is not None:
        if getattr(delegation, "state_is_participant", False):
            return DelegationGroup.PARTICIPANT_STATES
        return DelegationGroup.OBSERVER_STATES
    if delegation.organisation.kind == OrganisationKind.STATE:
        return DelegationGroup.OBSERVER_STATES
    return DelegationGroup.ORGANISATIONS


def _protocol_key(delegation: Delegation) -> tuple:
    if delegation.state_id is not None:
        name = delegation.state.rotation_key
    else:
        name = delegation.organisation.name_en or delegation.organisation.name
    return (delegation_group(delegation), name.casefold(), delegation.pk)


def delegate_protocol_key(delegate: Delegate) -> tuple:
    """Within a delegation: the head first, then delegates, then advisers,
    each by Latin surname."""
    return (ROLE_ORDER.get(delegate.role, 9), delegate.surname_latin.casefold(),
            delegate.given_names_latin.casefold(), delegate.pk)


@dataclass(frozen=True)
class PackDelegation:
    """One delegation taking part in a meeting, for a briefing pack: its
    group in protocol order, the name of its state or organisation (active
    language) and its head of delegation, if named and not declined."""

    delegation: Delegation
    group: DelegationGroup
    name: str
    head: Delegate | None


def delegations_for_pack(*, meeting: Meeting) -> list[PackDelegation]:
    """The submitted delegations of a meeting in protocol order: participant
    states by rotation key (English alphabetical order), then observer
    states, then organisations (by English name), each with its head of
    delegation (accreditation pending or approved). Two queries."""
    delegations = _with_participation(
        Delegation.objects.filter(meeting=meeting, status=DelegationStatus.SUBMITTED)
        .select_related("state", "organisation")
        .prefetch_related(Prefetch(
            "delegates",
            queryset=Delegate.objects.filter(role=DelegateRole.HEAD)
            .exclude(accreditation=Accreditation.DECLINED),
            to_attr="heads",
        )),
        on=meeting.start,
    )
    return [
        PackDelegation(
            delegation=d, group=delegation_group(d), name=d.party_name,
            head=d.heads[0] if d.heads else None,
        )
        for d in sorted(delegations, key=_protocol_key)
    ]


# --- The registering party's dashboard -------------------------------------------------


@dataclass
class PartyRegistration:
    """One meeting on a coordinator's (or focal point's) dashboard: the
    party's delegation if any, its members in protocol order, and what is
    still to do before the deadline."""

    meeting: Meeting
    delegation: Delegation | None
    delegates: list[Delegate]
    is_open: bool
    todo: list[str]


def _todo_for(delegation: Delegation | None, delegates: list[Delegate],
              is_open: bool, *, party) -> list[str]:
    if not is_open:
        return []
    if delegation is None:
        return [pgettext_lazy("delegation", "Register the delegation.")]
    if delegation.status == DelegationStatus.WITHDRAWN:
        return []  # withdrawn on purpose: its page offers to restore it
    counted = [d for d in delegates if d.accreditation != Accreditation.DECLINED]
    todo = []
    if not counted:
        todo.append(pgettext_lazy("delegation", "Add the delegates."))
    if sum(1 for d in counted if d.role == DelegateRole.HEAD) != 1:
        todo.append(pgettext_lazy("delegation", "Name the head of delegation."))
    if not delegation.credentials:
        todo.append(credentials_words(party).todo)
    if delegation.status == DelegationStatus.DRAFT:
        todo.append(pgettext_lazy("delegation", "Submit the delegation."))
    if len(counted) < len(delegates):
        todo.append(_("Replace or withdraw the delegates whose accreditation was declined."))
    return todo


def _open_now(now: datetime.datetime, prefix: str = "") -> Q:
    """Registration open at ``now`` (status and window), on the meeting
    itself or through ``prefix`` (e.g. ``"meeting__"``)."""
    return Q(**{
        f"{prefix}status": MeetingStatus.REGISTRATION_OPEN,
        f"{prefix}registration_opens__lte": now,
        f"{prefix}registration_closes__gt": now,
    })


PAST_REGISTRATIONS_PER_PAGE = 10


@dataclass
class PartyRegistrations:
    """A party's dashboard: the meetings in hand (``current``: open for
    registration now, or upcoming or ongoing with the party's delegation),
    soonest first, each with its members and what is left to do; and one
    page of its delegations to earlier meetings (``past``, a ``Page`` of
    delegations with their ``meeting`` and ``delegate_count``), latest
    first, whose members are on each delegation's own page."""

    current: list[PartyRegistration]
    past: Page


def registrations_of_party(
    *, state=None, organisation=None, page: str | int | None = 1,
    now: datetime.datetime | None = None, today: datetime.date | None = None,
    per_page: int = PAST_REGISTRATIONS_PER_PAGE,
) -> PartyRegistrations:
    """For a state's coordinator (or an organisation's focal point): every
    meeting open for registration now and every upcoming or ongoing
    meeting the party has a delegation for; and the party's delegations to
    meetings that are over, ``per_page`` at a time (an out-of-range or
    malformed page number gives the nearest page). Four queries at most
    (the meetings in hand with the party's delegations, their members, the
    count and the page of earlier delegations), whatever the length of the
    history."""
    now = now or timezone.now()
    today = today or timezone.localdate()
    party = {"state": state} if state is not None else {"organisation": organisation}
    # The meetings with the party's delegation to each, if any (a state or
    # an organisation has one delegation per meeting).
    meetings = list(
        Meeting.objects.annotate(party_delegation=FilteredRelation(
            "delegations", condition=Q(**{f"delegations__{k}": v for k, v in party.items()}),
        ))
        # The first condition is implied by the second; on its own it lets
        # the database read only the upcoming and the open meetings (two
        # indexes) instead of the whole history.
        .filter(Q(end__gte=today) | _open_now(now))
        .filter(_open_now(now) | Q(end__gte=today, party_delegation__isnull=False))
        .select_related("host_state", "party_delegation")
        .order_by("start", "pk")
    )
    delegations = {m.pk: getattr(m, "party_delegation", None) for m in meetings}
    members: dict[int, list[Delegate]] = {}
    if any(delegations.values()):
        for delegate in Delegate.objects.filter(
            delegation_id__in=[d.pk for d in delegations.values() if d is not None],
        ).order_by():
            members.setdefault(delegate.delegation_id, []).append(delegate)
    current = []
    for meeting in meetings:
        delegation = delegations[meeting.pk]
        delegates = sorted(members.get(delegation.pk, []), key=delegate_protocol_key) if (
            delegation is not None) else []
        is_open = meeting.registration_is_open(now=now)
        current.append(PartyRegistration(
            meeting=meeting, delegation=delegation, delegates=delegates, is_open=is_open,
            todo=_todo_for(delegation, delegates, is_open, party=state or organisation),
        ))

    # What the table shows, and no aggregate (the pager's count stays a
    # plain count of the party's delegations).
    delegate_count = Subquery(
        Delegate.objects.filter(delegation=OuterRef("pk")).order_by()
        .values("delegation").annotate(n=Count("pk")).values("n"),
    )
    past = Paginator(
        Delegation.objects.filter(meeting__end__lt=today, **party)
        .exclude(_open_now(now, "meeting__"))
        .select_related("meeting")
        .only(
            "status", "personal_data_purged_at", "purged_delegate_count", "meeting__slug",
            "meeting__title_ru", "meeting__title_en", "meeting__start", "meeting__end",
        )
        .annotate(delegate_count=Coalesce(delegate_count, 0))
        .order_by("-meeting__start", "-meeting_id"),
        per_page,
    ).get_page(page)
    past.object_list = list(past.object_list) if past.paginator.count else []
    return PartyRegistrations(current=current, past=past)


def next_registration_change(*, now: datetime.datetime | None = None) -> datetime.datetime | None:
    """The first moment after ``now`` at which a meeting's registration
    opens or closes by the clock alone (its status says open, its window
    starts or ends later), or None: a dashboard rendered now is out of date
    then. One query."""
    now = now or timezone.now()
    found = Meeting.objects.filter(status=MeetingStatus.REGISTRATION_OPEN).aggregate(
        opens=Min("registration_opens", filter=Q(registration_opens__gt=now)),
        closes=Min("registration_closes", filter=Q(registration_closes__gt=now)),
    )
    moments = [moment for moment in found.values() if moment is not None]
    return min(moments) if moments else None


def delegation_of_party(*, meeting: Meeting, state=None, organisation=None) -> Delegation | None:
    """The party's delegation to the meeting with its delegates (protocol
    order in ``members``) and ``state_is_participant``, or None. Two
    queries: the meeting and the party given are set on it, not read again."""
    party = {"state": state} if state is not None else {"organisation": organisation}
    delegation = _with_participation(Delegation.objects.filter(meeting=meeting, **party),
                                     on=meeting.start).prefetch_related("delegates").first()
    if delegation is not None:
        delegation.meeting, delegation.state, delegation.organisation = meeting, state, organisation
        delegation.members = sorted(delegation.delegates.all(), key=delegate_protocol_key)
    return delegation


def registration_has_closed(meeting: Meeting, *, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return meeting.status in (MeetingStatus.REGISTRATION_CLOSED, MeetingStatus.HELD) or (
        meeting.registration_closes is not None and now >= meeting.registration_closes
    )


def meeting_participants(*, meeting: Meeting) -> list[tuple[DelegationGroup, list[str]]]:
    """The names of the states and organisations whose delegations were
    submitted, by group in protocol order (names only: no person), for the
    public page once registration has closed. One query."""
    delegations = _with_participation(
        Delegation.objects.filter(meeting=meeting, status=DelegationStatus.SUBMITTED)
        .select_related("state", "organisation"),
        on=meeting.start,
    )
    groups: dict[DelegationGroup, list[str]] = {}
    for delegation in sorted(delegations, key=_protocol_key):
        groups.setdefault(delegation_group(delegation), []).append(delegation.party_name)
    return sorted(groups.items())


@dataclass
class ParticipantDelegation:
    """A submitted delegation with its members (declined ones left out),
    in protocol order, for the exports."""

    delegation: Delegation
    group: DelegationGroup
    members: list[Delegate]


def participants_in_protocol_order(*, meeting: Meeting) -> list[ParticipantDelegation]:
    """Every submitted delegation of the meeting and its members (heads of
    delegation first), accreditation pending or approved: participant
    states by rotation key (English alphabetical order), then observer
    states, then organisations. Two queries."""
    delegations = _with_participation(
        Delegation.objects.filter(meeting=meeting, status=DelegationStatus.SUBMITTED)
        .select_related("state", "organisation")
        .prefetch_related(Prefetch(
            "delegates", queryset=Delegate.objects.exclude(accreditation=Accreditation.DECLINED),
            to_attr="counted",
        )),
        on=meeting.start,
    )
    return [
        ParticipantDelegation(delegation=d, group=delegation_group(d),
                              members=sorted(d.counted, key=delegate_protocol_key))
        for d in sorted(delegations, key=_protocol_key)
    ]


# --- The site search (/search/) ----------------------------------------------------


def meetings_matching(*, query: str) -> QuerySet[Meeting]:
    """Meetings whose title or description holds every word of ``query`` in
    some form (either language, the archive's word analyser): title matches
    first, then the latest."""
    return rows_matching(meetings_for_list(), query=query,
                         fields=("title", "description"), newest=("-start",))


def site_search_hits(*, query: str, user, language: str, limit: int) -> tuple[int, list[Meeting]]:
    """The site search's meetings: how many match and the first ``limit``
    (two queries; every meeting is public, whoever ``user`` is)."""
    matching = meetings_matching(query=query)
    count = matching.count()
    return count, (list(matching[:limit]) if count else [])
