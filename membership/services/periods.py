"""A state's membership history: new statuses, corrections of past periods,
and the outcome of a pending state's no-objection procedure."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.dates import date_label

from .. import selectors
from ..enums import MembershipStatus
from ..models import (
    MembershipPeriod,
    NationalCoordinator,
    ParticipantState,
)
from .common import (
    MSG_PERIOD_OVERLAP,
    MSG_SECOND_OPEN_PERIOD,
    ONE_DAY,
    integrity_errors_as_validation,
    lock_state,
    membership_history_changed_notify,
    overlapping,
)
from .coordinators import coordinators_follow_membership


def membership_periods_check(periods: Iterable[MembershipPeriod]) -> None:
    """The rules for one state's whole history, in memory: no two periods
    overlap and at most one is open. Used by the admin's inline formset
    before anything is written."""
    ordered = sorted(periods, key=lambda p: p.start)
    if sum(1 for p in ordered if p.end is None) > 1:
        raise ValidationError(MSG_SECOND_OPEN_PERIOD, code="second_open_period")
    for earlier, later in itertools.pairwise(ordered):
        if earlier.end is None or earlier.end >= later.start:
            raise ValidationError(MSG_PERIOD_OVERLAP, code="overlap")


def _check_no_overlap(period: MembershipPeriod) -> None:
    clash = MembershipPeriod.objects.filter(state_id=period.state_id).filter(
        overlapping(period.start, period.end)
    )
    if period.pk:
        clash = clash.exclude(pk=period.pk)
    if clash.exists():
        raise ValidationError(MSG_PERIOD_OVERLAP, code="overlap")


def membership_change_status(
    *,
    state: ParticipantState,
    status: str,
    start: datetime.date,
    deadline: datetime.date | None = None,
    note: str = "",
) -> MembershipPeriod:
    """Open a new period of ``status`` on ``start``, closing the current one
    the day before. Pending needs the deadline of the no-objection procedure.
    A withdrawal (or participation becoming pending) ends the term of the
    coordinator in office the day before ``start``: from that day they are
    no longer in office and lose participant access."""
    with integrity_errors_as_validation(), transaction.atomic():
        state = lock_state(state)
        current = (
            MembershipPeriod.objects.select_for_update()
            .filter(state=state, end__isnull=True)
            .first()
        )
        if current is not None:
            if start <= current.start:
                raise ValidationError(
                    _("The new status must start after the current period, which began on "
                      "%(date)s."),
                    code="start_too_early", params={"date": date_label(current.start)},
                )
            if current.status == status and current.deadline == deadline:
                raise ValidationError(
                    _("The state already has this status."), code="same_status"
                )
            current.end = start - ONE_DAY
            current.full_clean()
            current.save(update_fields=["end"])
        period = MembershipPeriod(
            state=state, status=status, start=start, deadline=deadline, note=note
        )
        period.full_clean()
        _check_no_overlap(period)
        period.save()
        coordinators_follow_membership(state)
    membership_history_changed_notify(state=state)
    return period


def membership_record_pending_outcome(
    *, state: ParticipantState, objection: bool
) -> MembershipPeriod:
    """The outcome of a pending state's no-objection procedure whose
    deadline passed: with no objection the state is a participant from the
    day after the deadline (a new period); with an objection the pending
    period ends on the deadline, marked as objected, and nothing follows
    (the state never joined, so it is not "withdrawn"). Its coordinator, if
    any, leaves office with the procedure."""
    with integrity_errors_as_validation(), transaction.atomic():
        state = lock_state(state)
        period = selectors.pending_period_past_deadline(state=state)
        if period is None:
            raise ValidationError(
                _("%(state)s has no pending membership whose no-objection deadline has passed."),
                code="no_deadline_passed", params={"state": state},
            )
        if not objection:
            if period.end is not None:  # a planned end after the deadline gives way
                period.end = period.deadline
                period.full_clean()
                period.save(update_fields=["end"])
            return membership_change_status(
                state=state, status=MembershipStatus.PARTICIPANT,
                start=period.deadline + ONE_DAY,
            )
        period.end = period.deadline
        period.objection = True
        period.full_clean()
        period.save(update_fields=["end", "objection"])
        reason = str(_("An objection was raised under the no-objection procedure."))
        for coordinator in NationalCoordinator.objects.select_for_update().filter(
            state=state, start__lte=period.end
        ).in_office(on=period.end + ONE_DAY):
            coordinator.end = period.end
            coordinator.end_reason = reason
            coordinator.full_clean()
            coordinator.save(update_fields=["end", "end_reason"])
    membership_history_changed_notify(state=state)
    return period


def membership_periods_save(
    *,
    state: ParticipantState,
    changed: Iterable[MembershipPeriod],
    deleted: Iterable[MembershipPeriod] = (),
) -> list[str]:
    """Write corrections to a state's history (the admin's inline) at once:
    the resulting history is checked as a whole under the state's lock, then
    deletions, changed periods and new ones are written, each at a moment
    when it overlaps nothing stored (the database checks every row at once,
    so lengthening a period before shortening its neighbour would fail).
    Coordinators follow the corrected history (see ``membership_change_status``).
    Returns what the secretariat should know: the terms this ended and the
    other apps' warnings."""
    changed = list(changed)
    deleted_pks = {p.pk for p in deleted if p.pk}
    with integrity_errors_as_validation(), transaction.atomic():
        state = lock_state(state)
        changed_pks = {p.pk for p in changed if p.pk}
        untouched = MembershipPeriod.objects.filter(state=state).exclude(
            pk__in=deleted_pks | changed_pks
        )
        for period in changed:
            period.state = state
            period.full_clean(validate_constraints=False)
        membership_periods_check([*untouched, *changed])
        MembershipPeriod.objects.filter(state=state, pk__in=deleted_pks).delete()
        stored = {
            p.pk: (p.start, p.end)
            for p in MembershipPeriod.objects.filter(state=state).only("start", "end")
        }
        pending = sorted(changed, key=lambda p: (p.pk is None, p.start))
        while pending:
            period = next((p for p in pending if _fits(p, stored)), None)
            if period is None:  # only a swap of two ranges gets here
                raise ValidationError(MSG_PERIOD_OVERLAP, code="overlap")
            pending.remove(period)
            period.save()
            stored[period.pk] = (period.start, period.end)
        notices = coordinators_follow_membership(state)
    return [*notices, *membership_history_changed_notify(state=state)]


def _fits(period: MembershipPeriod, stored: dict) -> bool:
    """Whether ``period`` overlaps none of the other stored ranges."""
    return not any(
        (end is None or end >= period.start) and (period.end is None or start <= period.end)
        for pk, (start, end) in stored.items()
        if pk != period.pk
    )
