"""Named reads of the chairmanship: who chairs on a date, the history, the
declined turns, and the data the rotation needs, loaded in a fixed number of
queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from core.dates import date_label
from membership.enums import MembershipStatus
from membership.models import MembershipPeriod, ParticipantState

from .enums import ChairmanshipBasis
from .models import Chairmanship, TurnDeclination
from .validators import rotation_sort_key


def chairmanship_terms() -> QuerySet[Chairmanship]:
    """Every term, oldest first, with its state."""
    return Chairmanship.objects.select_related("state").order_by("start")


# The outcomes of meetings that confirm a term, with their meetings: the link
# lives in meetings (MeetingOutcome.confirms_chairmanship); chairmanship
# reaches it only through the reverse relation in queries, never by
# importing meetings.
CONFIRMATIONS = "confirming_outcomes__meeting"


def chairmanship_terms_with_confirmations() -> QuerySet[Chairmanship]:
    """Every term, oldest first, with its state and the meeting outcome
    confirming it (three queries however many terms)."""
    return chairmanship_terms().prefetch_related(CONFIRMATIONS)


def confirming_outcome(term: Chairmanship):
    """The meeting outcome that elected or confirmed ``term`` (a term is
    confirmed once), or None. No query when loaded with ``CONFIRMATIONS``."""
    return next(iter(term.confirming_outcomes.all()), None)


def current_chair(*, on: datetime.date | None = None) -> Chairmanship | None:
    """The term covering ``on`` (today by default), or None between terms."""
    on = on or timezone.localdate()
    return chairmanship_terms().filter(start__lte=on, end__gte=on).first()


def last_term() -> Chairmanship | None:
    """The latest recorded term (possibly one that has not started yet)."""
    return chairmanship_terms().order_by("-start").first()


def term_before(*, start: datetime.date, exclude_pk: int | None = None) -> Chairmanship | None:
    """The latest term that started before ``start``: the one a term
    starting on ``start`` follows in the rotation."""
    terms = chairmanship_terms().filter(start__lt=start)
    if exclude_pk is not None:
        terms = terms.exclude(pk=exclude_pk)
    return terms.order_by("-start").first()


# The bases that move the rotation: a term by recorded decision does not.
ROTATION_BASES = (ChairmanshipBasis.ELECTED, ChairmanshipBasis.ROTATION)


def last_rotation_term(
    *, before: datetime.date, exclude_pk: int | None = None
) -> Chairmanship | None:
    """The latest term by rotation (or the elected first one) that started
    before ``before``: the rotation continues from its state, whatever terms
    by decision came after it."""
    terms = chairmanship_terms().filter(start__lt=before, basis__in=ROTATION_BASES)
    if exclude_pk is not None:
        terms = terms.exclude(pk=exclude_pk)
    return terms.order_by("-start").first()


def turn_declinations() -> QuerySet[TurnDeclination]:
    """Every recorded declination, oldest turn first, with its state."""
    return TurnDeclination.objects.select_related("state").order_by("turn_start", "state__name")


@dataclass
class RotationData:
    """Everything the rotation reads, loaded once (three queries), so that
    proposing or projecting any number of terms costs the same."""

    states: list[ParticipantState]
    periods: dict[int, list[MembershipPeriod]] = field(default_factory=dict)
    declinations: dict[tuple[int, datetime.date], TurnDeclination] = field(default_factory=dict)

    def period_on(self, state: ParticipantState, on: datetime.date) -> MembershipPeriod | None:
        """The state's membership period covering ``on``, or None."""
        for period in self.periods.get(state.pk, ()):
            if period.covers(on):
                return period
        return None

    def status_on(self, state: ParticipantState, on: datetime.date) -> str | None:
        """The state's membership status on ``on``, or None if it had none."""
        period = self.period_on(state, on)
        return period.status if period is not None else None

    def declination(self, state: ParticipantState, turn_start: datetime.date):
        return self.declinations.get((state.pk, turn_start))

    def order_after(self, state: ParticipantState) -> list[ParticipantState]:
        """Every state in rotation order, starting with the one after
        ``state`` and wrapping around; ``state`` itself comes last."""
        keys = [s.pk for s in self.states]
        index = keys.index(state.pk) if state.pk in keys else -1
        return self.states[index + 1:] + self.states[:index + 1]


def rotation_data() -> RotationData:
    """States in rotation order (their rotation keys, case and accents
    folded; never the editable display names), their membership periods and
    the declined turns."""
    states = list(
        ParticipantState.objects.prefetch_related(
            Prefetch("membership_periods", queryset=MembershipPeriod.objects.order_by("start"))
        )
    )
    states.sort(key=lambda s: (rotation_sort_key(s.rotation_key), s.iso3))
    periods = {s.pk: list(s.membership_periods.all()) for s in states}
    declinations: dict[tuple[int, datetime.date], TurnDeclination] = {}
    for declination in TurnDeclination.objects.all():
        declinations[(declination.state_id, declination.turn_start)] = declination
    return RotationData(states=states, periods=periods, declinations=declinations)


# --- Terms of states that are not participants: for the secretariat to decide ----

ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class MembershipFlag:
    """A term (recorded or projected) whose state is not a participant when
    it starts (``during`` False) or stops being one during it (``during``
    True, from ``on``). The secretariat decides; nothing is changed."""

    state: ParticipantState
    on: datetime.date
    status: str | None  # the state's membership status on ``on``; None: no period
    during: bool

    @property
    def status_label(self) -> str:
        if self.status is None:
            return gettext("no membership recorded")
        return str(MembershipStatus(self.status).label).lower()

    @property
    def message(self) -> str:
        params = {
            "state": self.state,
            "date": date_label(self.on),
            "status": self.status_label,
        }
        if self.during:
            return gettext("%(state)s is no longer a participant state from %(date)s, during the "
                     "term (%(status)s).") % params
        return gettext("%(state)s is not a participant state on %(date)s, when the term starts "
                 "(%(status)s).") % params

    @property
    def short(self) -> str:
        """For a column: what is wrong, without the state's name."""
        params = {"date": date_label(self.on),
                  "status": self.status_label}
        if self.during:
            return gettext("No longer a participant from %(date)s (%(status)s)") % params
        return gettext("Not a participant on %(date)s (%(status)s)") % params


def _period_covering(periods, on: datetime.date) -> MembershipPeriod | None:
    return next((p for p in periods if p.covers(on)), None)


def membership_flag(
    *, state: ParticipantState, start: datetime.date, end: datetime.date,
    periods: list[MembershipPeriod],
) -> MembershipFlag | None:
    """Whether ``state`` (with its membership ``periods``) is a participant
    on every day from ``start`` to ``end``; if not, the first day it is not."""
    day = start
    while True:
        period = _period_covering(periods, day)
        if period is None or period.status != MembershipStatus.PARTICIPANT:
            return MembershipFlag(
                state=state, on=day, status=period.status if period else None,
                during=day != start,
            )
        if period.end is None or period.end >= end:
            return None
        day = period.end + ONE_DAY


def term_membership_flag(term: Chairmanship) -> MembershipFlag | None:
    """The flag of a recorded term whose state's membership periods are
    prefetched (``term.state.membership_periods``)."""
    return membership_flag(
        state=term.state, start=term.start, end=term.end,
        periods=list(term.state.membership_periods.all()),
    )


def terms_with_membership_periods() -> QuerySet[Chairmanship]:
    """Terms with their states and the states' membership periods (two
    queries), for flags."""
    return chairmanship_terms().prefetch_related(
        Prefetch("state__membership_periods", queryset=MembershipPeriod.objects.order_by("start"))
    )


def flagged_term_pks() -> set[int]:
    """The terms whose state is not a participant for the whole term."""
    return {
        term.pk for term in terms_with_membership_periods()
        if term_membership_flag(term) is not None
    }
