"""What every membership service shares: the state's lock, the date-range
overlap test, the database constraints turned into translated errors, and
the signal that tells other apps a state's history changed."""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.db import constraint_name_of

from ..models import ParticipantState
from ..signals import membership_history_changed

ONE_DAY = datetime.timedelta(days=1)

PERIOD_NO_OVERLAP = "membership_period_no_overlap"
COORDINATOR_NO_OVERLAP = "membership_coordinator_no_overlap"
ONE_OPEN_PERIOD = "membership_period_one_open_per_state"

MSG_PERIOD_OVERLAP = _("This period overlaps another membership period of the same state.")
MSG_SECOND_ACTIVE_COORDINATOR = _("This state already has an active national coordinator.")
MSG_SECOND_OPEN_PERIOD = _("This state already has a current membership period.")

# Constraint name -> (message, code) of the ValidationError it becomes.
_CONSTRAINT_ERRORS = {
    PERIOD_NO_OVERLAP: (MSG_PERIOD_OVERLAP, "overlap"),
    COORDINATOR_NO_OVERLAP: (MSG_SECOND_ACTIVE_COORDINATOR, "second_active_coordinator"),
    ONE_OPEN_PERIOD: (MSG_SECOND_OPEN_PERIOD, "second_open_period"),
}


@contextlib.contextmanager
def integrity_errors_as_validation() -> Iterator[None]:
    """Turn a broken membership constraint into its translated ValidationError.

    Wrap it *around* ``transaction.atomic`` so the failed block is rolled
    back before the error propagates."""
    try:
        yield
    except IntegrityError as exc:
        known = _CONSTRAINT_ERRORS.get(constraint_name_of(exc) or "")
        if known is None:
            raise
        message, code = known
        raise ValidationError(message, code=code) from exc


def lock_state(state: ParticipantState) -> ParticipantState:
    return ParticipantState.objects.select_for_update().get(pk=state.pk)


def overlapping(start: datetime.date, end: datetime.date | None) -> Q:
    """Periods whose inclusive [start, end] range meets [start, end]."""
    query = Q(end__isnull=True) | Q(end__gte=start)
    if end is not None:
        query &= Q(start__lte=end)
    return query


def membership_history_changed_notify(*, state: ParticipantState) -> list[str]:
    """Tell the apps that depend on membership (the chairmanship) that the
    state's history or its place in the rotation changed; returns the
    warnings their receivers answer with (records that became inconsistent)."""
    responses = membership_history_changed.send(sender=ParticipantState, state=state)
    return [str(warning) for _receiver, warnings in responses for warning in (warnings or [])]
