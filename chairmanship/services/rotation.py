"""The rotation: proposing and projecting terms, the history's skips, and
what a change of membership made inconsistent. Reads only.

After the Chair elected in 2013, each turn goes to the next participant
state in English alphabetical order (by rotation key) that has not declined
it. A term by recorded decision (a state chairing out of turn) does not move
the rotation: the next turn, starting the day after that term ends,
continues from the last state that chaired by rotation or election, so the
states in between keep their turns. The Operational Mechanism is silent on
the state that chaired by decision; it keeps its own turn by rotation (the
rotation ignores terms by decision altogether) and declines it, recorded, if
it does not want to chair again so soon.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from typing import ClassVar, Protocol

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dates import date_label
from membership.enums import MembershipStatus
from membership.models import MembershipPeriod, ParticipantState

from ..enums import ChairmanshipBasis, SkipReason
from ..models import Chairmanship, TurnDeclination
from ..selectors import (
    ROTATION_BASES,
    MembershipFlag,
    RotationData,
    chairmanship_terms,
    last_rotation_term,
    membership_flag,
    rotation_data,
)
from ..validators import term_end_for

ONE_DAY = datetime.timedelta(days=1)


class Term(Protocol):
    """What the rotation needs of a term: a recorded Chairmanship or a
    Proposal both qualify."""

    state: ParticipantState
    start: datetime.date
    end: datetime.date
    basis: str


@dataclass(frozen=True)
class Skip:
    """A state the rotation passed over for a turn, and why."""

    state: ParticipantState
    reason: SkipReason
    status: str | None = None  # its membership status on the start date
    declination: TurnDeclination | None = None
    period: MembershipPeriod | None = None  # the membership period behind ``status``

    @property
    def status_label(self) -> str:
        if self.status is None:
            return str(_("not yet a member"))
        return str(MembershipStatus(self.status).label)


@dataclass(frozen=True)
class Proposal:
    """The next term as the rotation gives it."""

    state: ParticipantState
    start: datetime.date
    end: datetime.date
    skipped: tuple[Skip, ...] = ()
    # Set in a projection: the state would stop being a participant during the term.
    flag: MembershipFlag | None = None
    basis: ClassVar[str] = ChairmanshipBasis.ROTATION


def _propose(*, after_state: ParticipantState, start: datetime.date,
             data: RotationData) -> Proposal:
    skipped: list[Skip] = []
    for state in data.order_after(after_state):
        period = data.period_on(state, start)
        status = period.status if period is not None else None
        if status != MembershipStatus.PARTICIPANT:
            skipped.append(Skip(
                state=state, reason=SkipReason.NOT_PARTICIPANT, status=status, period=period,
            ))
            continue
        declination = data.declination(state, start)
        if declination is not None:
            skipped.append(Skip(state=state, reason=SkipReason.DECLINED, declination=declination))
            continue
        return Proposal(state=state, start=start, end=term_end_for(start), skipped=tuple(skipped))
    raise ValidationError(
        _("No state can chair from %(start)s: no participant state on that date "
          "has its turn free (all are pending, withdrawn or declined)."),
        code="no_eligible_state",
        params={"start": date_label(start)},
    )


def _no_terms_error() -> ValidationError:
    return ValidationError(
        _("No chairmanship term is recorded yet. The first Chair was elected at the "
          "2013 Ministerial Conference: record that term with the basis “elected”."),
        code="no_terms",
    )


def _rotation_state(terms: list[Chairmanship]) -> ParticipantState:
    """The state the rotation continues from after ``terms`` (oldest first,
    not empty): the state of the last term by rotation or election."""
    anchor = next((t for t in reversed(terms) if t.basis in ROTATION_BASES), terms[-1])
    return anchor.state


def chairmanship_propose_next(*, after: Term | None = None) -> Proposal:
    """The next Chair by rotation after ``after`` (by default the latest
    recorded term), for two years from the day after it ends: the next
    participant state in English alphabetical order that has not declined
    the turn, counted from the last state that chaired by rotation or
    election (a term by decision does not move the rotation)."""
    if after is None:
        terms = list(chairmanship_terms())
        if not terms:
            raise _no_terms_error()
        after, state = terms[-1], _rotation_state(terms)
    elif after.basis in ROTATION_BASES:
        state = after.state
    else:
        anchor = last_rotation_term(before=after.start)
        state = anchor.state if anchor is not None else after.state
    return _propose(after_state=state, start=after.end + ONE_DAY, data=rotation_data())


def chairmanship_project(
    *,
    count: int,
    today: datetime.date | None = None,
    terms: list[Chairmanship] | None = None,
    data: RotationData | None = None,
) -> list[Proposal]:
    """The next ``count`` terms after the latest recorded one, by repeated
    rotation from the last term by rotation or election (declinations
    recorded for future turns are honoured). Empty while no term is
    recorded. If the last term ended before ``today`` (a gap), the
    projection starts today. Pass the recorded ``terms`` (oldest first) and
    ``data`` to reuse what the caller has already loaded."""
    today = today or timezone.localdate()
    terms = list(chairmanship_terms()) if terms is None else terms
    if not terms or count < 1:
        return []
    data = data or rotation_data()
    state, start = _rotation_state(terms), max(terms[-1].end + ONE_DAY, today)
    proposals = []
    for _i in range(count):
        proposal = _propose(after_state=state, start=start, data=data)
        proposal = replace(proposal, flag=_flag(proposal, data))
        proposals.append(proposal)
        state, start = proposal.state, proposal.end + ONE_DAY
    return proposals


def _flag(term: Term, data: RotationData) -> MembershipFlag | None:
    return membership_flag(
        state=term.state, start=term.start, end=term.end,
        periods=data.periods.get(term.state.pk, []),
    )


@dataclass(frozen=True)
class HistoryEntry:
    """A recorded term, the states the rotation passed over to reach it,
    and its flag when its state is not a participant for the whole term."""

    term: Chairmanship
    skipped: tuple[Skip, ...] = ()
    flag: MembershipFlag | None = None


def chairmanship_history(
    *, terms: list[Chairmanship], data: RotationData | None = None
) -> list[HistoryEntry]:
    """Each term (oldest first) with the states the rotation skipped before
    it, counted from the last term by rotation or election, and why (not a
    participant on the start date, or declined the turn), so the history
    explains itself. The first term was elected and a recorded decision
    explains itself in its note: neither lists skips."""
    data = data or rotation_data()
    entries = []
    previous = None  # the last term by rotation or election
    for term in terms:
        skipped: tuple[Skip, ...] = ()
        if previous is not None and term.basis == ChairmanshipBasis.ROTATION:
            try:
                proposal = _propose(after_state=previous.state, start=term.start, data=data)
            except ValidationError:
                proposal = None
            # Recomputed from today's records: only trusted when it still
            # gives the state that was recorded.
            if proposal is not None and proposal.state.pk == term.state_id:
                skipped = proposal.skipped
        entries.append(HistoryEntry(term=term, skipped=skipped, flag=_flag(term, data)))
        if term.basis in ROTATION_BASES:
            previous = term
    return entries


# How many terms the chairmanship page projects (and the membership checks cover).
PROJECTED_TERMS = 4


def chairmanship_inconsistencies(
    *, state: ParticipantState, today: datetime.date | None = None
) -> list[str]:
    """What became inconsistent for the secretariat to decide after
    ``state``'s membership history or rotation key changed (read only, a
    fixed number of queries): its recorded and projected terms when it is
    not a participant for the whole term, and recorded terms by rotation that
    the rotation, as the records now stand, gives to another state (the
    state's own, or those it would now take)."""
    terms = list(chairmanship_terms())
    if not terms:
        return []
    data = rotation_data()
    warnings: list[str] = []
    anchor = None  # the last term by rotation or election
    for term in terms:
        flag = _flag(term, data)
        if flag is not None and term.state_id == state.pk:
            warnings.append(_(
                "Recorded chairmanship term %(start)s – %(end)s: %(problem)s Nothing was "
                "changed: the secretariat decides what becomes of the term."
            ) % {"start": date_label(term.start), "end": date_label(term.end),
                 "problem": flag.message})
        elif anchor is not None and term.basis == ChairmanshipBasis.ROTATION and flag is None:
            try:
                proposed = _propose(after_state=anchor.state, start=term.start, data=data).state
            except ValidationError:
                proposed = None
            if proposed is not None and proposed.pk != term.state_id and (
                state.pk in (proposed.pk, term.state_id)
            ):
                warnings.append(_(
                    "Recorded chairmanship term %(start)s – %(end)s of %(state)s by rotation: "
                    "by the records as they now stand, the rotation gives that turn to "
                    "%(proposed)s. Nothing was changed: the secretariat decides what becomes "
                    "of the term."
                ) % {"start": date_label(term.start), "end": date_label(term.end),
                     "state": term.state, "proposed": proposed})
        if term.basis in ROTATION_BASES:
            anchor = term
    try:
        projection = chairmanship_project(
            count=PROJECTED_TERMS, today=today, terms=terms, data=data
        )
    except ValidationError:
        projection = []
    for proposal in projection:
        if proposal.flag is not None and proposal.state.pk == state.pk:
            warnings.append(_(
                "Projected chairmanship term %(start)s – %(end)s: %(problem)s"
            ) % {"start": date_label(proposal.start), "end": date_label(proposal.end),
                 "problem": proposal.flag.message})
    return warnings
