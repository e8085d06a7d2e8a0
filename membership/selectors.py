"""Named reads of membership data."""

from __future__ import annotations

import datetime

from django.db.models import Case, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from .enums import MembershipStatus, OrganisationKind
from .models import MembershipPeriod, NationalCoordinator, Organisation, ParticipantState


def _covering(on: datetime.date) -> Q:
    return Q(membership_periods__start__lte=on) & (
        Q(membership_periods__end__isnull=True) | Q(membership_periods__end__gte=on)
    )


def states_with_status_on(*, on: datetime.date, status: str) -> QuerySet[ParticipantState]:
    """States whose membership period covering ``on`` has ``status``."""
    return ParticipantState.objects.filter(
        _covering(on), membership_periods__status=status
    ).distinct()


def membership_period_on(*, state: ParticipantState, on: datetime.date) -> MembershipPeriod | None:
    return (
        MembershipPeriod.objects.filter(state=state, start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .first()
    )


def _overdue_pending_periods(on: datetime.date) -> QuerySet[MembershipPeriod]:
    return MembershipPeriod.objects.filter(
        Q(end__isnull=True) | Q(end__gte=on),
        status=MembershipStatus.PENDING, objection=False, start__lte=on, deadline__lt=on,
    )


def states_pending_past_deadline(
    *, on: datetime.date | None = None
) -> QuerySet[ParticipantState]:
    """States still pending on ``on`` (today by default) although their
    no-objection deadline passed: the secretariat has an outcome to record."""
    overdue = _overdue_pending_periods(on or timezone.localdate())
    return ParticipantState.objects.filter(
        Exists(overdue.filter(state=OuterRef("pk")))
    ).order_by("name")


def pending_period_past_deadline(
    *, state: ParticipantState, on: datetime.date | None = None
) -> MembershipPeriod | None:
    return _overdue_pending_periods(on or timezone.localdate()).filter(state=state).first()


def active_coordinator(
    *, state: ParticipantState, on: datetime.date | None = None
) -> NationalCoordinator | None:
    """The state's coordinator in office on ``on`` (today in Asia/Almaty by
    default); the database allows at most one."""
    return NationalCoordinator.objects.in_office(on=on).filter(state=state).first()


def states_for_listing() -> QuerySet[ParticipantState]:
    """All states with their membership history and the coordinator in
    office today prefetched (two extra queries, whatever the number of
    states)."""
    return ParticipantState.objects.prefetch_related(
        Prefetch("membership_periods", queryset=MembershipPeriod.objects.order_by("start")),
        Prefetch(
            "coordinators",
            queryset=NationalCoordinator.objects.in_office(),
            to_attr="active_coordinators",
        ),
    )


def states_for_public_list() -> QuerySet[ParticipantState]:
    """The /states/ page: every state with a membership history (participant,
    pending or withdrawn), by name in the current language, with periods and
    the coordinator in office today prefetched."""
    return (
        states_for_listing()
        .filter(Exists(MembershipPeriod.objects.filter(state=OuterRef("pk"))))
        .order_by("name")
    )


def is_state_code(code: str) -> bool:
    """Whether ``code`` can be an alpha-3 code (three ASCII letters, any case)."""
    return len(code) == 3 and code.isascii() and code.isalpha()


def _by_code(code: str) -> QuerySet[ParticipantState]:
    """The state with this lower-case alpha-3 code (as in /states/kaz/);
    nothing for a code that cannot be one."""
    if not is_state_code(code):
        return ParticipantState.objects.none()
    return ParticipantState.objects.filter(iso3=code.upper())


def state_by_code(*, code: str) -> ParticipantState | None:
    """A state by its lower-case alpha-3 code (as in /states/kaz/)."""
    return _by_code(code).first()


def state_for_public_page(*, code: str) -> ParticipantState | None:
    """A state's page by its lower-case alpha-3 code, with its history,
    all its coordinators (newest first) and its chairmanship terms (the
    chairmanship app's reverse relation; never imported here)."""
    return (
        _by_code(code)
        .prefetch_related(
            Prefetch("membership_periods", queryset=MembershipPeriod.objects.order_by("start")),
            Prefetch(
                "coordinators",
                queryset=NationalCoordinator.objects.order_by("-start"),
                to_attr="coordinator_history",
            ),
            Prefetch("chairmanships"),
        )
        .first()
    )


_KIND_ORDER = Case(
    *[When(kind=kind, then=Value(position)) for position, kind in enumerate(OrganisationKind)],
    default=Value(len(OrganisationKind)),
)


# UNHCR and IOM (by their records' slugs) are more than observers: they
# organised the 2011 Almaty conference, their offices in Kazakhstan performed
# the Support Unit's functions for its first two years, and they help find
# funding (Operational Mechanism, section iii). The public pages present them
# as partners of the process.
PROCESS_PARTNER_SLUGS = ("unhcr", "iom")

# The sections of the /observers/ page, in order.
SECTION_PARTNERS = "partners"
SECTION_OBSERVERS = "observers"
SECTION_CIVIL_SOCIETY = "civil_society"


def observers_for_public_list() -> QuerySet[Organisation]:
    """The /observers/ page: active organisations in three sections
    (``section``): the partners of the process (UNHCR, IOM), the observers
    grouped by kind (in the order of OrganisationKind), and civil society,
    which is not an observer (invited case by case with the participant
    states' consent); by name within each."""
    return (
        Organisation.objects.filter(is_active=True)
        .annotate(
            section=Case(
                When(slug__in=PROCESS_PARTNER_SLUGS, then=Value(SECTION_PARTNERS)),
                When(kind=OrganisationKind.CIVIL_SOCIETY, then=Value(SECTION_CIVIL_SOCIETY)),
                default=Value(SECTION_OBSERVERS),
            ),
            section_order=Case(
                When(slug__in=PROCESS_PARTNER_SLUGS, then=Value(0)),
                When(kind=OrganisationKind.CIVIL_SOCIETY, then=Value(2)),
                default=Value(1),
            ),
            kind_order=_KIND_ORDER,
        )
        .order_by("section_order", "kind_order", "name")
    )
