"""Registration of delegations: every rule of issue 8 in one place.

- Who: a national coordinator acts only for their own state
  (``membership.permissions.can_act_for_state``), an observer organisation
  through its focal point (signed in, or through the signed invitation
  link), the secretariat for anyone. Anything else is ``PermissionDenied``.
- When: between the meeting's opening and closing moments (timezone-aware,
  ``Meeting.registration_is_open``); the secretariat may act at any time,
  including after the deadline.
- How many: at most the meeting's ``max_delegation_size`` per participant
  state (``max_observer_delegation_size`` for an observer state, the
  invitation's size for an organisation); declined delegates do not count.
- The head of delegation: at most one (also a database constraint). A
  delegation may be saved incomplete while registration is open (a draft:
  names come from several ministries, and the head is often confirmed
  last); the coordinator then *submits* it, which needs exactly one head and
  the note verbale (an organisation: its nomination letter,
  ``meetings.credentials``). Once submitted it keeps exactly one head: naming another
  head makes the former one a delegate, and the head cannot be withdrawn
  alone.
- One person (email, case-insensitive) once per meeting (also a database
  constraint).
- A change to an accredited (or declined) delegate returns them to review.
- Accreditation decisions (the secretariat's): ``meetings.services.accreditation``.

Limits are counted under row locks: the meeting row while a delegation is
created, the delegation row while its delegates change, so two browser tabs
submitting at once cannot exceed them (PostgreSQL; SQLite serialises
writers anyway)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from archive.uploads import PDF, inspect_upload
from core.db import constraint_name_of
from core.tasking import send_on_commit
from membership.enums import MembershipStatus
from membership.models import MembershipPeriod, Organisation, ParticipantState, in_office_on
from membership.permissions import can_act_for_organisation, can_act_for_state, roles_of

from ..credentials import credentials_words
from ..enums import Accreditation, DelegateRole, DelegationStatus
from ..models import Delegate, Delegation, Meeting, ObserverInvitation, credentials_path

# Fields of a delegate the registering party fills in. A change to any of
# them returns an accredited delegate to review.
DELEGATE_FIELDS = (
    "surname_cyrillic", "given_names_cyrillic", "surname_latin", "given_names_latin",
    "position", "agency", "email", "role", "preferred_language", "needs_visa_letter",
    "dietary_needs", "accessibility_needs",
)

MSG_NOT_OPEN = _("Registration for this meeting is not open.")
MSG_CLOSED = _("Registration for this meeting closed on %(moment)s.")
MSG_FULL = pgettext_lazy(
    "delegation",
    "The delegation is full: at most %(limit)d delegates, the head of delegation included.",
)
MSG_SECOND_HEAD = pgettext_lazy("delegation", "The delegation already has a head of delegation.")
MSG_NO_HEAD = pgettext_lazy("delegation", "Name the head of delegation before submitting.")
MSG_HEAD_ALONE = pgettext_lazy(
    "delegation",
    "The head of a submitted delegation cannot be withdrawn alone: name another head of "
    "delegation first.",
)
MSG_HEAD_DEMOTED = pgettext_lazy(
    "delegation",
    "The head of a submitted delegation stays until another delegate is named head.",
)
HEAD_CHANGE_UNCONFIRMED = "head_change_unconfirmed"
MSG_HEAD_CHANGE = pgettext_lazy(
    "delegation",
    "%(new)s becomes head of delegation instead of %(old)s; %(old)s becomes a delegate. "
    "The accreditation of both goes back to the Support Unit for review (an approval or "
    "a refusal already given no longer holds).",
)
MSG_EMPTY = pgettext_lazy("delegation", "Add at least one delegate before submitting.")
MSG_DUPLICATE_EMAIL = _("This person (email) is already registered for the meeting.")
MSG_WITHDRAWN = pgettext_lazy(
    "delegation", "This delegation was withdrawn. Restore it from its page to change it.",
)
MSG_OBSERVERS_EXCLUDED = _("Observers do not take part in this meeting: %(reason)s")
MSG_NOT_INVITED = _("This organisation is not invited to the meeting.")
MSG_NO_CONSENT = _(
    "The participant states have not consented to this organisation taking part in the meeting."
)

_CONSTRAINT_ERRORS = {
    "meetings_delegate_email_once_per_meeting": ("email", MSG_DUPLICATE_EMAIL),
    "meetings_one_head_per_delegation": ("role", MSG_SECOND_HEAD),
}


# --- Who, when, how many ---------------------------------------------------------------


def _is_secretariat(user) -> bool:
    return roles_of(user).is_staff


def check_may_act(*, user, delegation: Delegation,
                  invitation: ObserverInvitation | None = None) -> None:
    """PermissionDenied unless ``user`` may act for the delegation's state or
    organisation (or holds a valid invitation link for that organisation)."""
    if delegation.state_id is not None:
        if user is not None and can_act_for_state(user, delegation.state):
            return
    else:
        if invitation is not None and (
            invitation.meeting_id == delegation.meeting_id
            and invitation.organisation_id == delegation.organisation_id
        ):
            return
        if user is not None and can_act_for_organisation(user, delegation.organisation):
            return
    raise PermissionDenied


def check_window(*, meeting: Meeting, user, now: datetime.datetime | None = None) -> None:
    """ValidationError unless registration is open (the secretariat may
    act at any time)."""
    if user is not None and _is_secretariat(user):
        return
    now = now or timezone.now()
    if meeting.registration_is_open(now=now):
        return
    if meeting.registration_closes is not None and now >= meeting.registration_closes:
        moment = timezone.localtime(meeting.registration_closes, meeting.zone)
        raise ValidationError(
            MSG_CLOSED, code="registration_closed",
            params={"moment": f"{moment:%d.%m.%Y %H:%M} ({meeting.time_zone})"},
        )
    raise ValidationError(MSG_NOT_OPEN, code="registration_not_open")


def _invitation_for(meeting: Meeting, organisation: Organisation) -> ObserverInvitation | None:
    return ObserverInvitation.objects.filter(meeting=meeting, organisation=organisation).first()


def _check_observers(*, meeting: Meeting, state: ParticipantState | None,
                     organisation: Organisation | None) -> None:
    """Observers take part unless the meeting excludes them; an
    organisation needs an invitation, a civil-society one also the
    participant states' consent."""
    observer = organisation is not None or not _is_participant_on(state, meeting.start)
    if observer and meeting.observers_excluded:
        raise ValidationError(
            MSG_OBSERVERS_EXCLUDED, code="observers_excluded",
            params={"reason": meeting.observers_excluded_reason},
        )
    if organisation is None:
        return
    invitation = _invitation_for(meeting, organisation)
    if invitation is None:
        raise ValidationError(MSG_NOT_INVITED, code="not_invited")
    invitation.organisation = organisation
    if not invitation.consent_allows_registration:
        raise ValidationError(MSG_NO_CONSENT, code="no_consent")


def _is_participant_on(state: ParticipantState | None, on: datetime.date) -> bool:
    return state is not None and MembershipPeriod.objects.filter(
        in_office_on(on), state=state, status=MembershipStatus.PARTICIPANT,
    ).exists()


def delegation_size_limit(*, delegation: Delegation) -> int:
    """How many delegates (declined ones aside) the delegation may have."""
    meeting = delegation.meeting
    if delegation.organisation_id is not None:
        invitation = _invitation_for(meeting, delegation.organisation)
        if invitation is not None:
            return invitation.max_delegation_size
        return meeting.max_observer_delegation_size
    participant = getattr(delegation, "state_is_participant", None)  # read with it, or not
    if participant is None:
        participant = _is_participant_on(delegation.state, meeting.start)
    if participant:
        return meeting.max_delegation_size
    return meeting.max_observer_delegation_size


def _counted(delegation: Delegation):
    return delegation.delegates.exclude(accreditation=Accreditation.DECLINED)


def _lock(delegation: Delegation) -> Delegation:
    """The delegation row, locked until the end of the transaction, with
    its meeting (read fresh)."""
    return (
        Delegation.objects.select_for_update(of=("self",))
        .select_related("meeting", "state", "organisation").get(pk=delegation.pk)
    )


def _save_delegate(delegate: Delegate) -> None:
    delegate.full_clean(exclude=["delegation", "meeting"], validate_constraints=False)
    delegate._history_user = delegate.updated_by  # the audit history's "who"
    try:
        with transaction.atomic():
            delegate.save()
    except IntegrityError as exc:
        name = constraint_name_of(exc) or next(
            (known for known in _CONSTRAINT_ERRORS if known in str(exc)), None,
        )
        if name is None and "meetings_delegate.delegation_id" in str(exc):
            name = "meetings_one_head_per_delegation"  # SQLite names the column
        if name in _CONSTRAINT_ERRORS:
            field, message = _CONSTRAINT_ERRORS[name]
            raise ValidationError({field: message}) from exc
        raise


def _normalise(fields: dict[str, Any]) -> dict[str, Any]:
    fields = dict(fields)
    if "email" in fields:
        fields["email"] = (fields["email"] or "").strip().lower()
    for name in ("surname_cyrillic", "given_names_cyrillic", "surname_latin",
                 "given_names_latin", "position", "agency"):
        if name in fields:
            fields[name] = (fields[name] or "").strip()
    unknown = set(fields) - set(DELEGATE_FIELDS)
    if unknown:
        raise TypeError(f"not a delegate field: {sorted(unknown)}")
    return fields


def _check_email_free(*, meeting: Meeting, email: str, exclude_pk: int | None = None) -> None:
    taken = Delegate.objects.filter(meeting=meeting, email__iexact=email)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if email and taken.exists():
        raise ValidationError({"email": MSG_DUPLICATE_EMAIL})


# --- Delegations ----------------------------------------------------------------------


def delegation_open(
    *, meeting: Meeting, user, state: ParticipantState | None = None,
    organisation: Organisation | None = None, invitation: ObserverInvitation | None = None,
) -> Delegation:
    """The party's delegation to the meeting, created as a draft if there
    is none (a withdrawn one is refused: restore it). Checks who acts, the
    window and the observer rules; locks the meeting row while creating."""
    if (state is None) == (organisation is None):
        raise TypeError("give a state or an organisation")
    probe = Delegation(meeting=meeting, state=state, organisation=organisation)
    check_may_act(user=user, delegation=probe, invitation=invitation)
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        check_window(meeting=meeting, user=user)
        _check_observers(meeting=meeting, state=state, organisation=organisation)
        party = {"state": state} if state is not None else {"organisation": organisation}
        delegation = Delegation.objects.filter(meeting=meeting, **party).first()
        actor = user if user is not None and user.is_authenticated else None
        if delegation is None:
            delegation = Delegation(meeting=meeting, created_by=actor, updated_by=actor, **party)
            delegation._history_user = actor
            delegation.save()
        elif delegation.status == DelegationStatus.WITHDRAWN:
            # Its delegates are kept: it comes back only as it was, through
            # services.withdrawal.delegation_restore (limits checked).
            raise ValidationError(MSG_WITHDRAWN, code="withdrawn")
    return delegation


def _begin_change(*, delegation: Delegation, user, invitation) -> Delegation:
    """Lock the delegation, then check who acts and when (inside the
    transaction, on the fresh row)."""
    locked = _lock(delegation)
    check_may_act(user=user, delegation=locked, invitation=invitation)
    check_window(meeting=locked.meeting, user=user)
    if locked.status == DelegationStatus.WITHDRAWN:
        raise ValidationError(MSG_WITHDRAWN, code="withdrawn")
    return locked


def _actor(user):
    return user if user is not None and user.is_authenticated else None


def delegation_submit(*, delegation: Delegation, user,
                      invitation: ObserverInvitation | None = None,
                      base_url: str | None = None) -> Delegation:
    """Submit the delegation: at least one delegate, exactly one head of
    delegation, the note verbale (a state's) or the nomination letter (an
    organisation's) uploaded. Confirmation emails follow, their
    links on ``base_url`` (the request's, core.links.base_url)."""
    with transaction.atomic():
        locked = _begin_change(delegation=delegation, user=user, invitation=invitation)
        members = list(_counted(locked))
        errors = []
        if not members:
            errors.append(ValidationError(MSG_EMPTY, code="empty"))
        elif sum(1 for m in members if m.role == DelegateRole.HEAD) != 1:
            errors.append(ValidationError(MSG_NO_HEAD, code="no_head"))
        if not locked.credentials:
            errors.append(ValidationError(credentials_words(locked.party).missing,
                                          code="no_credentials"))
        if errors:
            raise ValidationError(errors)
        first_submission = locked.status != DelegationStatus.SUBMITTED
        locked.status = DelegationStatus.SUBMITTED
        locked.submitted_at = locked.submitted_at or timezone.now()
        locked.updated_by = locked._history_user = _actor(user)
        locked.save()
        if first_submission:
            _enqueue_confirmation(locked.pk, base_url=base_url)
    return locked


def delegation_attach_credentials(*, delegation: Delegation, upload: UploadedFile, user,
                                  invitation: ObserverInvitation | None = None) -> Delegation:
    """Store the note verbale or the nomination letter (a PDF, checked from
    its content) in private storage, replacing an earlier one (deleted once
    the change commits)."""
    info = inspect_upload(upload)
    if info.mime_type != PDF:
        raise ValidationError({"credentials": credentials_words(delegation.party).not_pdf})
    field = Delegation._meta.get_field("credentials")
    storage = field.storage
    upload.seek(0)
    new_name = storage.save(credentials_path(delegation, info.filename), upload)
    try:
        with transaction.atomic():
            locked = _begin_change(delegation=delegation, user=user, invitation=invitation)
            old = locked.credentials.name if locked.credentials else ""
            locked.credentials.name = new_name
            locked.credentials_name = info.filename
            locked.credentials_sha256 = info.sha256
            locked.updated_by = locked._history_user = _actor(user)
            locked.save()
            if old:
                transaction.on_commit(lambda: storage.delete(old))
    except BaseException:
        storage.delete(new_name)
        raise
    return locked


# --- Delegates --------------------------------------------------------------------------


def delegate_register(*, delegation: Delegation, user,
                      invitation: ObserverInvitation | None = None, **fields: Any) -> Delegate:
    """Add a delegate to the delegation, within its size limit, at most one
    head, the person not yet registered for the meeting."""
    fields = _normalise(fields)
    with transaction.atomic():
        locked = _begin_change(delegation=delegation, user=user, invitation=invitation)
        limit = delegation_size_limit(delegation=locked)
        if _counted(locked).count() >= limit:
            raise ValidationError(MSG_FULL, code="delegation_full", params={"limit": limit})
        if fields.get("role") == DelegateRole.HEAD and locked.delegates.filter(
            role=DelegateRole.HEAD,
        ).exists():
            raise ValidationError({"role": MSG_SECOND_HEAD})
        _check_email_free(meeting=locked.meeting, email=fields.get("email", ""))
        actor = _actor(user)
        delegate = Delegate(
            delegation=locked, meeting=locked.meeting, created_by=actor, updated_by=actor,
            **fields,
        )
        _save_delegate(delegate)
        _touch(locked, actor)
    return delegate


def delegate_update(*, delegate: Delegate, user, data: dict[str, Any],
                    invitation: ObserverInvitation | None = None,
                    head_change_confirmed: bool = False) -> Delegate:
    """Change a delegate's details. Naming them head of a delegation that
    has one makes the former head a delegate when the delegation is
    submitted (it keeps exactly one head), once ``head_change_confirmed``
    (else nothing changes: the error, code ``HEAD_CHANGE_UNCONFIRMED``,
    names both; ``former_head`` on the delegate returned once done); it is
    refused in a draft. A change to an approved or
    declined delegate returns them to review (both, on a change of head)."""
    data = _normalise(data)
    with transaction.atomic():
        locked = _begin_change(delegation=delegate.delegation, user=user, invitation=invitation)
        current = Delegate.objects.select_for_update().get(pk=delegate.pk, delegation=locked)
        changed = {name: value for name, value in data.items()
                   if getattr(current, name) != value}
        if not changed:
            return current
        actor = _actor(user)
        submitted = locked.status == DelegationStatus.SUBMITTED
        demoting = changed.get("role") not in (None, DelegateRole.HEAD)
        if submitted and current.role == DelegateRole.HEAD and demoting:
            raise ValidationError({"role": MSG_HEAD_DEMOTED})
        if changed.get("role") == DelegateRole.HEAD:
            former = locked.delegates.filter(role=DelegateRole.HEAD).exclude(pk=current.pk).first()
            if former is not None:
                if not submitted:
                    raise ValidationError({"role": MSG_SECOND_HEAD})
                if not head_change_confirmed:
                    raise ValidationError(MSG_HEAD_CHANGE, code=HEAD_CHANGE_UNCONFIRMED,
                                          params={"new": current, "old": former})
                former.role = DelegateRole.DELEGATE
                former.updated_by = actor
                former._history_user = actor
                _return_to_review(former)
                former.save()
                current.former_head = former
        if "email" in changed:
            _check_email_free(meeting=locked.meeting, email=changed["email"],
                              exclude_pk=current.pk)
        if current.accreditation == Accreditation.DECLINED:
            # Back to review, the delegate counts again towards the limit.
            limit = delegation_size_limit(delegation=locked)
            if _counted(locked).exclude(pk=current.pk).count() >= limit:
                raise ValidationError(MSG_FULL, code="delegation_full", params={"limit": limit})
        for name, value in changed.items():
            setattr(current, name, value)
        _return_to_review(current)
        current.updated_by = actor
        _save_delegate(current)
        _touch(locked, actor)
    return current


def _return_to_review(delegate: Delegate) -> None:
    if delegate.accreditation != Accreditation.PENDING:
        delegate.accreditation = Accreditation.PENDING
        delegate.accreditation_reason = ""
        delegate.accreditation_decided_at = None
        delegate.accreditation_decided_by = None


def delegate_withdraw(*, delegate: Delegate, user,
                      invitation: ObserverInvitation | None = None) -> None:
    """Remove a delegate (the history keeps who, when and what). The head
    of a submitted delegation stays until another head is named."""
    with transaction.atomic():
        locked = _begin_change(delegation=delegate.delegation, user=user, invitation=invitation)
        current = Delegate.objects.select_for_update().get(pk=delegate.pk, delegation=locked)
        if current.role == DelegateRole.HEAD and locked.status == DelegationStatus.SUBMITTED:
            raise ValidationError(MSG_HEAD_ALONE, code="head_alone")
        current._history_user = _actor(user)
        current.delete()
        _touch(locked, _actor(user))


def _touch(delegation: Delegation, actor) -> None:
    delegation.updated_by = actor
    delegation._history_user = actor
    delegation.save(update_fields=["updated_by", "updated_at"])


# --- Follow-up tasks -------------------------------------------------------------------


def _enqueue_confirmation(delegation_id: int, *, base_url: str | None) -> None:
    send_on_commit("meetings.send_registration_confirmation", args=[delegation_id],
                   kwargs={"base_url": base_url})

