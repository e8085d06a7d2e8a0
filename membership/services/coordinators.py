"""National coordinators: appointments, replacements, the end of a term,
corrections, the coordinator's own contact details, and terms that end
because the state's membership changed.

Who gets a coordinator: a state that is a participant, or pending (awaiting
its no-objection procedure: the secretariat needs a contact to follow the
procedure), on the first day of the term. A withdrawn state, or one with no
membership on that day, gets none. At most one coordinator is in office on
any day (an exclusion constraint on PostgreSQL, these checks everywhere)."""

from __future__ import annotations

import datetime
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.dates import date_label

from .. import permissions, selectors
from ..enums import MembershipStatus
from ..models import (
    MembershipPeriod,
    NationalCoordinator,
    ParticipantState,
    User,
)
from .common import (
    MSG_SECOND_ACTIVE_COORDINATOR,
    ONE_DAY,
    integrity_errors_as_validation,
    lock_state,
    overlapping,
)

logger = logging.getLogger(__name__)

# The person fields a coordinator's services accept (translated ones per language).
COORDINATOR_FIELDS = (
    "full_name_ru", "full_name_en", "position_ru", "position_en", "agency_ru", "agency_en",
    "email", "phone",
)
# What a coordinator may change on their own page.
CONTACT_FIELDS = ("position_ru", "position_en", "agency_ru", "agency_en", "email", "phone")


def _membership_ends_office(
    period: MembershipPeriod, previous: MembershipPeriod | None
) -> str | None:
    """Why a state's coordinator leaves office when ``period`` begins (a
    withdrawal, or participation becoming pending), or None."""
    if period.status == MembershipStatus.WITHDRAWN:
        return str(_("The state withdrew from the process."))
    if (
        period.status == MembershipStatus.PENDING
        and previous is not None and previous.status == MembershipStatus.PARTICIPANT
    ):
        return str(_("The state's participation became pending."))
    return None


def coordinators_follow_membership(state: ParticipantState) -> list[str]:
    """End the term of every coordinator still in office on the first day
    of a withdrawal (or of participation becoming pending) the day before,
    recording why; refuse a term that would start inside a withdrawal.
    Called under the state's lock after its history was written; returns a
    notice per term it ended."""
    notices = []
    previous = None
    for period in MembershipPeriod.objects.filter(state=state).order_by("start"):
        reason = _membership_ends_office(period, previous)
        previous = period
        if reason is None:
            continue
        terms = NationalCoordinator.objects.select_for_update().filter(state=state)
        if period.status == MembershipStatus.WITHDRAWN:
            inside = terms.filter(start__gte=period.start)
            if period.end is not None:
                inside = inside.filter(start__lte=period.end)
            clash = inside.order_by("start").first()
            if clash is not None:
                raise ValidationError(
                    _("The term of %(person)s starts on %(start)s, when %(state)s is no longer "
                      "a participant: correct or end that term first."),
                    code="term_inside_withdrawal",
                    params={
                        "person": clash.full_name, "start": date_label(clash.start),
                        "state": state,
                    },
                )
        for coordinator in terms.filter(start__lt=period.start).in_office(on=period.start):
            coordinator.end = period.start - ONE_DAY
            coordinator.end_reason = reason
            coordinator.full_clean()
            coordinator.save(update_fields=["end", "end_reason"])
            notices.append(
                _("%(person)s is no longer the national coordinator from %(date)s: %(reason)s")
                % {"person": coordinator.full_name, "date": date_label(period.start),
                   "reason": reason}
            )
    return notices


def _check_state_may_have_coordinator(state: ParticipantState, on: datetime.date) -> None:
    period = selectors.membership_period_on(state=state, on=on)
    if period is None or period.status not in (
        MembershipStatus.PARTICIPANT, MembershipStatus.PENDING
    ):
        raise ValidationError(
            _("Only a participant or pending state designates a national coordinator, and "
              "%(state)s is neither on %(date)s."),
            code="state_not_participant", params={"state": state, "date": date_label(on)},
        )


def coordinator_check_term(*, coordinator: NationalCoordinator) -> None:
    """The rules for any term (new, past or corrected) that need other rows:
    the state may have a coordinator on the first day, and the term overlaps
    no other term of the same state, so that at most one coordinator is in
    office on any day. The admin form runs it before saving."""
    _check_state_may_have_coordinator(coordinator.state, coordinator.start)
    others = NationalCoordinator.objects.filter(state_id=coordinator.state_id)
    if coordinator.pk:
        others = others.exclude(pk=coordinator.pk)
    if coordinator.end is None and others.filter(end__isnull=True).exists():
        raise ValidationError(MSG_SECOND_ACTIVE_COORDINATOR, code="second_active_coordinator")
    clash = others.filter(overlapping(coordinator.start, coordinator.end)).order_by("start").first()
    if clash is not None:
        raise _overlap_error(clash)


def _overlap_error(clash: NationalCoordinator) -> ValidationError:
    return ValidationError(
        _("This term overlaps the term of %(person)s (%(start)s – %(end)s)."),
        code="overlaps_other_term",
        params={
            "person": clash.full_name, "start": date_label(clash.start),
            "end": date_label(clash.end) if clash.end else _("to date"),
        },
    )


def _outgoing_on(state: ParticipantState, start: datetime.date) -> NationalCoordinator | None:
    """The coordinator in office on ``start``, locked: the one a successor
    from ``start`` replaces."""
    return (
        NationalCoordinator.objects.select_for_update().in_office(on=start)
        .filter(state=state).first()
    )


def coordinator_check_new(
    *, state: ParticipantState, start: datetime.date, replacing: bool
) -> None:
    """The rules for a new term that need other rows (also used by the admin
    form before saving): the state may have a coordinator; with ``replacing``
    a coordinator is in office on ``start`` and took office before it,
    otherwise nobody is in office on ``start``. Later terms are refused as
    overlaps when the term is written."""
    _check_state_may_have_coordinator(state, start)
    outgoing = NationalCoordinator.objects.in_office(on=start).filter(state=state).first()
    if replacing:
        later = NationalCoordinator.objects.filter(state=state, start__gte=start)
        if outgoing is None and later.exists():
            outgoing = later.order_by("start").first()
        if outgoing is None:
            raise ValidationError(
                _("This state has no active national coordinator to replace."),
                code="nobody_to_replace",
            )
        if start <= outgoing.start:
            raise ValidationError(
                _("The current coordinator took office on %(date)s: the new one must start "
                  "later."),
                code="start_too_early", params={"date": date_label(outgoing.start)},
            )
    elif outgoing is not None and outgoing.end is None:
        raise ValidationError(MSG_SECOND_ACTIVE_COORDINATOR, code="second_active_coordinator")
    elif outgoing is not None:
        raise _overlap_error(outgoing)


def _coordinator_create(
    *, state: ParticipantState, start: datetime.date, end: datetime.date | None = None,
    end_reason: str = "", user: User | None, fields: dict,
) -> NationalCoordinator:
    unknown = set(fields) - set(COORDINATOR_FIELDS)
    if unknown:
        raise TypeError(f"Unknown coordinator fields: {sorted(unknown)}")
    coordinator = NationalCoordinator(
        state=state, start=start, end=end, end_reason=end_reason, user=user, **fields
    )
    coordinator.full_clean()
    coordinator_check_term(coordinator=coordinator)
    coordinator.save()
    return coordinator


def coordinator_appoint(
    *,
    state: ParticipantState,
    start: datetime.date,
    full_name_ru: str,
    end: datetime.date | None = None,
    end_reason: str = "",
    user: User | None = None,
    **fields: str,
) -> NationalCoordinator:
    """The state's first (or next, after a vacancy) national coordinator.
    ``fields``: full_name_en, position_ru/en, agency_ru/en, email, phone.
    ``user`` links the person's account (see ``coordinator_invite``).
    With ``end`` (and why it ended) it records a term of the history."""
    with integrity_errors_as_validation(), transaction.atomic():
        state = lock_state(state)
        if end is None:
            coordinator_check_new(state=state, start=start, replacing=False)
        return _coordinator_create(
            state=state, start=start, end=end, end_reason=end_reason, user=user,
            fields={"full_name_ru": full_name_ru, **fields},
        )


def coordinator_replace(
    *,
    state: ParticipantState,
    start: datetime.date,
    full_name_ru: str,
    user: User | None = None,
    **fields: str,
) -> NationalCoordinator:
    """End the term of the coordinator in office on ``start`` the day before
    and start the new coordinator's, in one transaction. From a future date
    the outgoing coordinator stays in office (and keeps access) until then."""
    with integrity_errors_as_validation(), transaction.atomic():
        state = lock_state(state)
        coordinator_check_new(state=state, start=start, replacing=True)
        outgoing = _outgoing_on(state, start)
        outgoing.end = start - ONE_DAY
        outgoing.end_reason = str(_("Replaced by a new national coordinator."))
        outgoing.full_clean()
        outgoing.save(update_fields=["end", "end_reason"])
        return _coordinator_create(
            state=state, start=start, user=user,
            fields={"full_name_ru": full_name_ru, **fields},
        )


def coordinator_end_term(
    *, coordinator: NationalCoordinator, end: datetime.date, reason: str = ""
) -> NationalCoordinator:
    """Set the last day of a term that has no end yet (the post stays vacant
    until an appointment). ``end`` may lie in the future: the coordinator
    stays in office, and keeps access, until that day."""
    with integrity_errors_as_validation(), transaction.atomic():
        lock_state(coordinator.state)
        coordinator = NationalCoordinator.objects.select_for_update().get(pk=coordinator.pk)
        if coordinator.end is not None:
            raise ValidationError(
                _("This term has already ended."), code="already_ended"
            )
        coordinator.end = end
        coordinator.end_reason = reason
        coordinator.full_clean()
        coordinator.save(update_fields=["end", "end_reason"])
    return coordinator


def coordinator_save(*, coordinator: NationalCoordinator) -> NationalCoordinator:
    """Save corrections to an existing term (names, contacts, dates) under
    the state's lock, with the same rules as an appointment."""
    with integrity_errors_as_validation(), transaction.atomic():
        lock_state(coordinator.state)
        coordinator.full_clean()
        coordinator_check_term(coordinator=coordinator)
        coordinator.save()
    return coordinator


def coordinator_update_contacts(
    *, coordinator: NationalCoordinator, by: User, **fields: str
) -> NationalCoordinator:
    """A coordinator (or the secretariat) updates the coordinator's own
    contact details: position and agency in both languages, email, phone.
    Names and dates stay with the secretariat. The email here is the public
    contact address, not the address ``by`` signs in with."""
    unknown = set(fields) - set(CONTACT_FIELDS)
    if unknown:
        raise TypeError(f"Not contact fields: {sorted(unknown)}")
    if not permissions.can_edit_coordinator_contacts(by, coordinator):
        raise PermissionDenied(_("You may only change your own contact details."))
    with transaction.atomic():
        coordinator = NationalCoordinator.objects.select_for_update().get(pk=coordinator.pk)
        if not coordinator.in_office:
            raise ValidationError(
                _("This term has ended: its contact details are kept as they were."),
                code="term_ended",
            )
        for name, value in fields.items():
            setattr(coordinator, name, value)
        coordinator.full_clean()
        coordinator.save(update_fields=list(fields))
    logger.info("Contacts of coordinator %s updated by %s", coordinator.pk, by)
    return coordinator
