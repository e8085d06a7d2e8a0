"""Writes and the rotation: proposing and projecting terms, recording terms
and declined turns. Every write validates (``full_clean`` plus the rules that
need other rows) inside ``transaction.atomic`` with the existing terms locked,
so that two secretariat users cannot record overlapping terms at once.

The rotation: after the Chair elected in 2013, each turn goes to the next
participant state in English alphabetical order (by rotation key) that has
not declined it. A term by recorded decision (a state chairing out of turn)
does not move the rotation: the next turn, starting the day after that term
ends, continues from the last state that chaired by rotation or election, so
the states in between keep their turns. The Operational Mechanism is silent
on the state that chaired by decision; it keeps its own turn by rotation (the
rotation ignores terms by decision altogether) and declines it, recorded, if
it does not want to chair again so soon.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Protocol

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from membership.dbutils import constraint_name_of
from membership.enums import MembershipStatus
from membership.formatting import date_label
from membership.models import MembershipPeriod, ParticipantState, User
from membership.selectors import membership_period_on

from .enums import ChairmanshipBasis, SkipReason
from .models import NO_OVERLAP_CONSTRAINT, Chairmanship, TurnDeclination
from .selectors import (
    ROTATION_BASES,
    MembershipFlag,
    RotationData,
    chairmanship_terms,
    last_rotation_term,
    membership_flag,
    rotation_data,
    term_before,
)
from .validators import term_end_for

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
    not empty): the last one's that chaired by rotation or election."""
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


# --- Recording terms ---------------------------------------------------------

def _overlap_error(other: Chairmanship | None = None) -> ValidationError:
    if other is None:
        return ValidationError(
            _("Chairmanship terms cannot overlap: another term covers some of these dates."),
            code="overlap",
        )
    return ValidationError(
        _("Chairmanship terms cannot overlap: from %(start)s to %(end)s the Chair is %(state)s."),
        code="overlap",
        params={"state": other.state, "start": date_label(other.start),
                "end": date_label(other.end)},
    )


def chairmanship_validate(*, chairmanship: Chairmanship, check_rotation: bool = True) -> None:
    """Every rule a term must satisfy, raising one ValidationError keyed by
    field, under the lock the services take."""
    term = chairmanship
    errors: dict[str, list[ValidationError]] = {}
    if term.end is None and term.basis == ChairmanshipBasis.DECISION:
        errors["end"] = [ValidationError(
            _("A term by recorded decision ends on the date the decision gives: enter it."),
            code="decision_end_required",
        )]
    try:
        term.full_clean(exclude=["end"] if errors else None)
    except ValidationError as exc:
        for name, field_errors in exc.error_dict.items():
            errors.setdefault(name, []).extend(field_errors)
    if errors:
        raise ValidationError(errors)

    others = Chairmanship.objects.select_related("state")
    if term.pk is not None:
        others = others.exclude(pk=term.pk)
    overlapping = others.filter(start__lte=term.end, end__gte=term.start).order_by("start").first()
    if overlapping is not None:
        errors.setdefault(NON_FIELD_ERRORS, []).append(_overlap_error(overlapping))

    period = membership_period_on(state=term.state, on=term.start)
    if period is None or period.status != MembershipStatus.PARTICIPANT:
        errors.setdefault("state", []).append(ValidationError(
            _("Only participant states chair: on %(start)s %(state)s is not a participant state."),
            code="not_participant",
            params={"state": term.state, "start": date_label(term.start)},
        ))

    preceding = term_before(start=term.start, exclude_pk=term.pk)
    if preceding is None and term.basis != ChairmanshipBasis.ELECTED:
        errors.setdefault("basis", []).append(ValidationError(
            _("The first term was elected at the Ministerial Conference: "
              "record it with the basis “elected”."),
            code="first_is_elected",
        ))
    elif preceding is not None and term.basis == ChairmanshipBasis.ELECTED:
        errors.setdefault("basis", []).append(ValidationError(
            _("Only the first Chair was elected. Later terms follow the rotation, "
              "or a decision recorded by the secretariat."),
            code="only_first_elected",
        ))
    elif (check_rotation and preceding is not None and term.basis == ChairmanshipBasis.ROTATION
          and "state" not in errors):
        anchor = last_rotation_term(before=term.start, exclude_pk=term.pk) or preceding
        try:
            proposal = _propose(after_state=anchor.state, start=term.start, data=rotation_data())
        except ValidationError as exc:
            errors.setdefault("state", []).append(exc)
        else:
            if proposal.state.pk != term.state.pk:
                errors.setdefault("state", []).append(ValidationError(
                    _("By rotation the term from %(start)s falls to %(proposed)s, not %(state)s. "
                      "To depart from the rotation, choose the basis “recorded decision” "
                      "and record the decision in a note."),
                    code="not_rotation",
                    params={"start": date_label(term.start), "proposed": proposal.state,
                            "state": term.state},
                ))
    if errors:
        raise ValidationError(errors)


def chairmanship_terms_lock() -> None:
    """Lock every recorded term (there is one per two years) until the end of
    the current transaction, so that concurrent writers of terms queue up;
    the overlap check that follows runs in a later statement and so sees a
    term a concurrent writer has just committed. On PostgreSQL the exclusion
    constraint backs this up, also for the very first term (nothing to lock
    yet). SQLite ignores row locks: there a concurrent write fails with
    "database is locked" unless the connection begins transactions IMMEDIATE."""
    list(Chairmanship.objects.select_for_update().order_by("pk").values_list("pk", flat=True))


def _save(chairmanship: Chairmanship) -> None:
    try:
        with transaction.atomic():
            chairmanship.save()
    except IntegrityError as exc:
        if constraint_name_of(exc) == NO_OVERLAP_CONSTRAINT:
            raise _overlap_error() from exc
        raise


def chairmanship_create(
    *,
    state: ParticipantState,
    start: datetime.date,
    basis: str,
    end: datetime.date | None = None,
    representative_name_ru: str = "",
    representative_name_en: str = "",
    representative_title_ru: str = "",
    representative_title_en: str = "",
    decision_note_ru: str = "",
    decision_note_en: str = "",
    decided_at_ru: str = "",
    decided_at_en: str = "",
    notes_ru: str = "",
    notes_en: str = "",
    created_by: User | None = None,
) -> Chairmanship:
    """Record a term. ``end`` defaults to two years after ``start`` less a
    day; a term by ``decision`` needs it (as long as the decision says).

    Rejected: a term by rotation or election not two years long, overlapping another, of a state
    that is not a participant on ``start``; a first term not ``elected``; a
    ``rotation`` term for a state the rotation does not give (record a
    ``decision`` with a note instead: departures are recorded, never silent).
    """
    chairmanship = Chairmanship(
        state=state, start=start, basis=basis,
        end=end if end is not None or basis == ChairmanshipBasis.DECISION else term_end_for(start),
        representative_name_ru=representative_name_ru,
        representative_name_en=representative_name_en,
        representative_title_ru=representative_title_ru,
        representative_title_en=representative_title_en,
        decision_note_ru=decision_note_ru, decision_note_en=decision_note_en,
        decided_at_ru=decided_at_ru, decided_at_en=decided_at_en,
        notes_ru=notes_ru, notes_en=notes_en,
        created_by=created_by,
    )
    with transaction.atomic():
        chairmanship_terms_lock()
        chairmanship_validate(chairmanship=chairmanship)
        _save(chairmanship)
    return chairmanship


def chairmanship_create_from_proposal(
    *, proposal: Proposal, created_by: User | None = None, **details: Any
) -> Chairmanship:
    """Record the proposed term with the basis ``rotation``; still validated,
    so a proposal that went stale (a new term, a declination) is rejected.
    ``details`` are the optional texts of ``chairmanship_create``."""
    return chairmanship_create(
        state=proposal.state, start=proposal.start, end=proposal.end,
        basis=ChairmanshipBasis.ROTATION, created_by=created_by, **details,
    )


def chairmanship_update(*, chairmanship: Chairmanship, data: dict[str, Any]) -> Chairmanship:
    """Change a recorded term. The rotation is checked again only when the
    state, dates or basis change, so correcting a representative's name on
    an old term never trips over later membership changes."""
    with transaction.atomic():
        chairmanship_terms_lock()
        original = Chairmanship.objects.get(pk=chairmanship.pk)
        for name, value in data.items():
            setattr(chairmanship, name, value)
        rotation_changed = (
            (original.state_id, original.start, original.end, original.basis)
            != (chairmanship.state_id, chairmanship.start, chairmanship.end, chairmanship.basis)
        )
        chairmanship_validate(chairmanship=chairmanship, check_rotation=rotation_changed)
        _save(chairmanship)
    return chairmanship


# --- Declined turns ----------------------------------------------------------

# How far ahead a declination may be recorded, in turns.
TURNS_AHEAD = 50


def _turn_starts(*, terms: list[Chairmanship], today: datetime.date) -> set[datetime.date] | None:
    """The days a turn starts on: the day after each recorded term, and every
    two years after the last one. None when any day may be one (no term yet,
    or the last term has ended and the next will start whenever it is
    recorded)."""
    if not terms or terms[-1].end < today:
        return None
    starts = {term.end + ONE_DAY for term in terms}
    start = terms[-1].end + ONE_DAY
    for _i in range(TURNS_AHEAD):
        starts.add(start)
        start = term_end_for(start) + ONE_DAY
    return starts


def turn_declination_validate(*, declination: TurnDeclination) -> None:
    """Besides the model's rules: the state cannot decline a term it holds,
    and the declined turn must start on a day a turn starts (a declination
    on any other day would never match a turn, and so silently skip no one)."""
    declination.full_clean()
    terms = list(chairmanship_terms())
    turn_start = declination.turn_start
    if any(t.state_id == declination.state_id and t.start == turn_start for t in terms):
        raise ValidationError(
            {"turn_start": ValidationError(
                _("%(state)s holds the term starting on %(start)s, so it cannot have declined it."),
                code="turn_held",
                params={"state": declination.state, "start": date_label(turn_start)},
            )}
        )
    starts = _turn_starts(terms=terms, today=timezone.localdate())
    if starts is not None and turn_start not in starts:
        upcoming = terms[-1].end + ONE_DAY
        raise ValidationError(
            {"turn_start": ValidationError(
                _("No turn starts on %(start)s: a turn starts the day after a term ends "
                  "(the next one on %(next)s)."),
                code="not_a_turn",
                params={"start": date_label(turn_start), "next": date_label(upcoming)},
            )}
        )


def turn_decline(
    *,
    state: ParticipantState,
    turn_start: datetime.date,
    declined_on: datetime.date,
    note_ru: str = "",
    note_en: str = "",
) -> TurnDeclination:
    """Record that ``state`` declined the turn starting on ``turn_start``;
    the rotation then passes that turn to the next state."""
    declination = TurnDeclination(
        state=state, turn_start=turn_start, declined_on=declined_on,
        note_ru=note_ru, note_en=note_en,
    )
    with transaction.atomic():
        chairmanship_terms_lock()
        turn_declination_validate(declination=declination)
        declination.save()
    return declination


def turn_declination_update(
    *, declination: TurnDeclination, data: dict[str, Any]
) -> TurnDeclination:
    with transaction.atomic():
        chairmanship_terms_lock()
        for name, value in data.items():
            setattr(declination, name, value)
        turn_declination_validate(declination=declination)
        declination.save()
    return declination
