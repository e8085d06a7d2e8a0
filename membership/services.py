"""Writes to membership data: states and their status history, national
coordinators, observers' focal points, user accounts and invitations.

Every service validates (``full_clean`` plus the rules that need other
rows), writes inside ``transaction.atomic`` and locks the state's row
(``select_for_update``) before it counts or closes periods and terms, so two
secretariat users saving at once cannot both open a period or appoint a
coordinator. On PostgreSQL the database also refuses overlapping periods
and overlapping coordinators' terms (exclusion constraints on the date
ranges); an ``IntegrityError`` from either becomes the same translated
``ValidationError`` the service raises on any database.

Who gets a coordinator: a state that is a participant, or pending (awaiting
its no-objection procedure: the secretariat needs a contact to follow the
procedure), on the first day of the term. A withdrawn state, or one with no
membership on that day, gets none.
"""

from __future__ import annotations

import contextlib
import datetime
import itertools
import logging
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import permissions, selectors
from .dbutils import constraint_name_of
from .enums import Language, MembershipStatus
from .formatting import date_label
from .models import (
    FocalPoint,
    MembershipPeriod,
    NationalCoordinator,
    Organisation,
    ParticipantState,
    User,
)
from .signals import membership_history_changed
from .throttle import throttle_hit

logger = logging.getLogger(__name__)

ONE_DAY = datetime.timedelta(days=1)
# Invitations to one address per hour: enough to resend after a typo or a
# lost email, too few to flood an inbox from the admin.
INVITATIONS_PER_HOUR = 3

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

# The person fields a coordinator's services accept (translated ones per language).
COORDINATOR_FIELDS = (
    "full_name_ru", "full_name_en", "position_ru", "position_en", "agency_ru", "agency_en",
    "email", "phone",
)
# What a coordinator may change on their own page.
CONTACT_FIELDS = ("position_ru", "position_en", "agency_ru", "agency_en", "email", "phone")
FOCAL_POINT_FIELDS = (
    "full_name_ru", "full_name_en", "position_ru", "position_en", "email", "phone",
)


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


def _lock_state(state: ParticipantState) -> ParticipantState:
    return ParticipantState.objects.select_for_update().get(pk=state.pk)


def _overlaps(start: datetime.date, end: datetime.date | None) -> Q:
    """Periods whose inclusive [start, end] range meets [start, end]."""
    query = Q(end__isnull=True) | Q(end__gte=start)
    if end is not None:
        query &= Q(start__lte=end)
    return query


# --- Membership periods -------------------------------------------------------

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
        _overlaps(period.start, period.end)
    )
    if period.pk:
        clash = clash.exclude(pk=period.pk)
    if clash.exists():
        raise ValidationError(MSG_PERIOD_OVERLAP, code="overlap")


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


def _coordinators_follow_membership(state: ParticipantState) -> list[str]:
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


def membership_history_changed_notify(*, state: ParticipantState) -> list[str]:
    """Tell the apps that depend on membership (the chairmanship) that the
    state's history or its place in the rotation changed; returns the
    warnings their receivers answer with (records that became inconsistent)."""
    responses = membership_history_changed.send(sender=ParticipantState, state=state)
    return [str(warning) for _receiver, warnings in responses for warning in (warnings or [])]


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
        state = _lock_state(state)
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
        _coordinators_follow_membership(state)
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
        state = _lock_state(state)
        period = selectors.pending_period_past_deadline(state=state)
        if period is None:
            raise ValidationError(
                _("%(state)s has no pending membership whose no-objection deadline has passed."),
                code="no_deadline_passed", params={"state": state},
            )
        if not objection:
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
        state = _lock_state(state)
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
        notices = _coordinators_follow_membership(state)
    return [*notices, *membership_history_changed_notify(state=state)]


def _fits(period: MembershipPeriod, stored: dict) -> bool:
    """Whether ``period`` overlaps none of the other stored ranges."""
    return not any(
        (end is None or end >= period.start) and (period.end is None or start <= period.end)
        for pk, (start, end) in stored.items()
        if pk != period.pk
    )


def state_create(
    *,
    iso2: str,
    iso3: str,
    name_ru: str,
    name_en: str,
    official_name_ru: str,
    official_name_en: str,
    status: str = MembershipStatus.PARTICIPANT,
    start: datetime.date,
    deadline: datetime.date | None = None,
    note: str = "",
) -> ParticipantState:
    """A new state with the first period of its membership."""
    with integrity_errors_as_validation(), transaction.atomic():
        state = ParticipantState(
            iso2=iso2.upper(), iso3=iso3.upper(),
            name_ru=name_ru, name_en=name_en, rotation_key=name_en,
            official_name_ru=official_name_ru, official_name_en=official_name_en,
        )
        state.full_clean()
        state.save()
        membership_change_status(
            state=state, status=status, start=start, deadline=deadline, note=note
        )
    return state


def state_save(*, state: ParticipantState) -> list[str]:
    """Save corrections to a recorded state (names, codes, rotation key).
    A changed rotation key moves the state in the rotation of the
    chairmanship: the other apps hear of it, and their warnings are returned."""
    with integrity_errors_as_validation(), transaction.atomic():
        stored = _lock_state(state)
        state.full_clean()
        state.save()
    if stored.rotation_key != state.rotation_key:
        return membership_history_changed_notify(state=state)
    return []


# --- National coordinators ----------------------------------------------------

def _check_state_may_have_coordinator(state: ParticipantState, on: datetime.date) -> None:
    period = (
        MembershipPeriod.objects.filter(state=state, start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .first()
    )
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
    clash = others.filter(_overlaps(coordinator.start, coordinator.end)).order_by("start").first()
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
    user: User | None, fields: dict,
) -> NationalCoordinator:
    unknown = set(fields) - set(COORDINATOR_FIELDS)
    if unknown:
        raise TypeError(f"Unknown coordinator fields: {sorted(unknown)}")
    coordinator = NationalCoordinator(state=state, start=start, end=end, user=user, **fields)
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
    user: User | None = None,
    **fields: str,
) -> NationalCoordinator:
    """The state's first (or next, after a vacancy) national coordinator.
    ``fields``: full_name_en, position_ru/en, agency_ru/en, email, phone.
    ``user`` links the person's account (see ``coordinator_invite``).
    With ``end`` it records a past term of the history instead."""
    with integrity_errors_as_validation(), transaction.atomic():
        state = _lock_state(state)
        if end is None:
            coordinator_check_new(state=state, start=start, replacing=False)
        return _coordinator_create(
            state=state, start=start, end=end, user=user,
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
        state = _lock_state(state)
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
        _lock_state(coordinator.state)
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
        _lock_state(coordinator.state)
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


# --- Observers' focal points --------------------------------------------------

def focal_point_appoint(
    *,
    organisation: Organisation,
    start: datetime.date,
    full_name_ru: str,
    user: User | None = None,
    **fields: str,
) -> FocalPoint:
    """A focal point of an observer organisation (an organisation may have
    several at once)."""
    fields = {"full_name_ru": full_name_ru, **fields}
    unknown = set(fields) - set(FOCAL_POINT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown focal point fields: {sorted(unknown)}")
    with transaction.atomic():
        focal_point = FocalPoint(organisation=organisation, start=start, user=user, **fields)
        focal_point.full_clean()
        focal_point.save()
    return focal_point


def focal_point_end_term(*, focal_point: FocalPoint, end: datetime.date) -> FocalPoint:
    with transaction.atomic():
        focal_point = FocalPoint.objects.select_for_update().get(pk=focal_point.pk)
        if focal_point.end is not None:
            raise ValidationError(_("This term has already ended."), code="already_ended")
        focal_point.end = end
        focal_point.full_clean()
        focal_point.save(update_fields=["end"])
    return focal_point


# --- Accounts and invitations -------------------------------------------------

def user_for_person(*, email: str, full_name: str, language: str) -> User:
    """The account with this email (case-insensitive), created without a
    usable password if there is none: the person sets it from the invitation."""
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return user
    user = User(email=email, full_name=full_name, preferred_language=language)
    user.set_unusable_password()
    user.full_clean()
    user.save()
    return user


def _invite(
    *, person, invited_by: User | None, language: str | None, role_text, where,
    base_url: str | None,
) -> User:
    """Lock the person's term, read it afresh, then decide: the caller's
    copy may be stale (a term ended, an email changed, an account linked
    since the admin list was loaded)."""
    from . import emails  # emails render templates: keep them out of import time

    with transaction.atomic():
        person = type(person).objects.select_for_update().get(pk=person.pk)
        full_name = person.full_name_ru or person.full_name_en or ""
        if not person.email:
            raise ValidationError(
                _("%(person)s has no email address to send the invitation to."),
                code="no_email", params={"person": person.full_name},
            )
        # In office today, or appointed from a later date: the account may
        # be ready before the term starts (access follows the dates).
        if person.end is not None and person.end < timezone.localdate():
            raise ValidationError(
                _("%(person)s's term has ended: only people in office are invited."),
                code="term_ended", params={"person": person.full_name},
            )
        user = person.user or user_for_person(
            email=person.email, full_name=full_name, language=language or Language.RUSSIAN
        )
        if not user.is_active:
            raise ValidationError(
                _("The account %(email)s is deactivated: reactivate it before inviting."),
                code="inactive", params={"email": user.email},
            )
        if not throttle_hit(
            scope="invitation", key=user.email, limit=INVITATIONS_PER_HOUR, period=60 * 60
        ):
            raise ValidationError(
                _("%(email)s was already invited %(count)d times in the last hour: try again "
                  "later."),
                code="too_many_invitations",
                params={"email": user.email, "count": INVITATIONS_PER_HOUR},
            )
        if person.user_id != user.pk:
            person.user = user
            person.save(update_fields=["user"])
        user.invited_at = timezone.now()
        user.invited_by = invited_by
        user.save(update_fields=["invited_at", "invited_by"])
        transaction.on_commit(
            lambda: emails.send_invitation(
                user=user, role_text=role_text, where=where, base_url=base_url
            )
        )
    logger.info("Invitation to %s sent by %s", user.email, invited_by)
    return user


def coordinator_invite(
    *,
    coordinator: NationalCoordinator,
    invited_by: User | None,
    language: str | None = None,
    base_url: str | None = None,
) -> User:
    """Create or link the coordinator's account and email them, in their
    preferred language, a single-use link (valid PASSWORD_RESET_TIMEOUT) to
    set a password. ``language`` only applies to a new account."""
    return _invite(
        person=coordinator, invited_by=invited_by, language=language,
        role_text=_("national coordinator"), where=coordinator.state,
        base_url=base_url,
    )


def focal_point_invite(
    *,
    focal_point: FocalPoint,
    invited_by: User | None,
    language: str | None = None,
    base_url: str | None = None,
) -> User:
    """The same invitation for an observer organisation's focal point."""
    return _invite(
        person=focal_point, invited_by=invited_by, language=language,
        role_text=_("observer focal point"), where=focal_point.organisation,
        base_url=base_url,
    )


# --- Staff groups -------------------------------------------------------------

def staff_groups_ensure() -> list[Group]:
    """Create the secretariat's groups and give them the permissions
    ``permissions.STAFF_GROUPS`` lists (idempotent: adds what is missing)."""
    groups = []
    for name, rules in permissions.STAFF_GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        query = Q(pk__in=[])
        for app_label, model, actions in rules:
            scope = Q(content_type__app_label=app_label)
            if model != "*":
                scope &= Q(content_type__model=model)
            query |= scope & Q(codename__regex=rf"^({'|'.join(actions)})_")
        group.permissions.add(*Permission.objects.filter(query))
        groups.append(group)
    return groups


def default_base_url() -> str:
    """Where links in emails sent outside a request point."""
    configured = getattr(settings, "PORTAL_BASE_URL", "")
    if configured:
        return configured.rstrip("/")
    host = next((h for h in settings.ALLOWED_HOSTS if h and h != "*"), "localhost")
    scheme = "http" if settings.DEBUG or host in {"localhost", "127.0.0.1"} else "https"
    return f"{scheme}://{host.lstrip('.')}"
