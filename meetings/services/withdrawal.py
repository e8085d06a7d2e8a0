"""Withdrawing a whole delegation, and undoing it (issue 24).

- A withdrawal keeps the record: the delegation is marked withdrawn (who,
  when), its delegates stay as they were (role, accreditation), and
  ``submitted_at`` stays, so the history and the exports stay true. A
  withdrawn delegation is no participant: the lists of participants, the
  badges, the packs and the exports read submitted delegations only
  (``meetings.selectors``, ``briefings.selectors``).
- Who and when: as every registration change (``check_may_act``,
  ``check_window``: the party while registration is open, the secretariat
  at any time).
- The delegates (each in their own language) and the Support Unit are
  told by email after the commit (``meetings.send_delegation_withdrawal``).
- It is undone by ``delegation_restore`` while registration is open: the
  delegation comes back as it was (submitted if it had been, else a
  draft), within the size limit of the moment; after the deadline only the
  secretariat may restore."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from core.tasking import send_on_commit

from ..enums import DelegationStatus
from ..models import Delegation, ObserverInvitation
from .registration import (
    _actor,
    _begin_change,
    _counted,
    _lock,
    check_may_act,
    check_window,
    delegation_size_limit,
)

MSG_NOT_WITHDRAWN = pgettext_lazy("delegation", "This delegation is not withdrawn.")
MSG_RESTORE_CLOSED = pgettext_lazy(
    "delegation",
    "The delegation can no longer be restored: registration closed on %(moment)s. "
    "Write to the Support Unit if it should take part after all.",
)
MSG_RESTORE_FULL = pgettext_lazy(
    "delegation",
    "The delegation cannot be restored: it has %(count)d delegates and the meeting now "
    "allows at most %(limit)d. Ask the Support Unit to withdraw or decline some first.",
)


def delegation_withdraw(*, delegation: Delegation, user,
                        invitation: ObserverInvitation | None = None,
                        base_url: str | None = None) -> Delegation:
    """Withdraw the whole delegation: marked withdrawn with who and when,
    its delegates kept as they are; the delegates and the Support Unit are
    emailed once the change commits (links on ``base_url``)."""
    with transaction.atomic():
        locked = _begin_change(delegation=delegation, user=user, invitation=invitation)
        actor = _actor(user)
        locked.status = DelegationStatus.WITHDRAWN
        locked.withdrawn_at = timezone.now()
        locked.withdrawn_by = actor
        locked.updated_by = locked._history_user = actor
        locked._change_reason = "delegation withdrawn"
        locked.save()
        _enqueue_notice(locked.pk, restored=False, base_url=base_url)
    return locked


def delegation_restore(*, delegation: Delegation, user,
                       invitation: ObserverInvitation | None = None,
                       base_url: str | None = None) -> Delegation:
    """Bring a withdrawn delegation back as it was (its delegates, their
    roles and accreditations; submitted if it had been submitted), while
    registration is open and within the size limit of the moment. The
    delegates and the Support Unit are told."""
    with transaction.atomic():
        locked = _lock(delegation)
        check_may_act(user=user, delegation=locked, invitation=invitation)
        try:
            check_window(meeting=locked.meeting, user=user)
        except ValidationError as error:
            if error.code != "registration_closed":
                raise
            raise ValidationError(MSG_RESTORE_CLOSED, code="restore_closed",
                                  params=error.params) from error
        if locked.status != DelegationStatus.WITHDRAWN:
            raise ValidationError(MSG_NOT_WITHDRAWN, code="not_withdrawn")
        limit = delegation_size_limit(delegation=locked)
        count = _counted(locked).count()
        if count > limit:
            raise ValidationError(MSG_RESTORE_FULL, code="delegation_full",
                                  params={"count": count, "limit": limit})
        locked.status = (DelegationStatus.SUBMITTED if locked.submitted_at is not None
                         else DelegationStatus.DRAFT)
        locked.withdrawn_at = None
        locked.withdrawn_by = None
        locked.updated_by = locked._history_user = _actor(user)
        locked._change_reason = "delegation restored"
        locked.save()
        _enqueue_notice(locked.pk, restored=True, base_url=base_url)
    return locked


def _enqueue_notice(delegation_id: int, *, restored: bool, base_url: str | None) -> None:
    send_on_commit("meetings.send_delegation_withdrawal", args=[delegation_id],
                   kwargs={"restored": restored, "base_url": base_url})
