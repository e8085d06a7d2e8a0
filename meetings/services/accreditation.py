"""Accreditation of delegates: the secretariat approves or declines them,
one at a time or several at once (the admin's actions).

A decision is emailed to the delegate and to the party that registered
the delegation (its coordinator or focal point). One task per call: each
delegate gets their own email, the registering party one email per
delegation listing every decision of the call, not one per delegate."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.tasking import send_on_commit

from ..enums import Accreditation, DelegationStatus
from ..models import Delegate
from .registration import _is_secretariat, _lock

MSG_DECLINE_REASON = _("Say why the accreditation is declined.")
MSG_WITHDRAWN = _(
    "The delegation of %(party)s is withdrawn: restore it before deciding the "
    "accreditation of its delegates. Nothing was changed.")


def accreditation_decide(*, decisions: Iterable[tuple[Delegate, str, str]], user,
                         base_url: str | None = None) -> list[Delegate]:
    """Record ``(delegate, decision, reason)`` decisions (approve or
    decline; a reason is required to decline, the coordinator sees it),
    each delegation locked once. Those that change something are emailed
    after the commit, by one task (links on ``base_url``, the request's).
    A delegate of a withdrawn delegation refuses the whole call (nothing
    is changed). Returns the delegates as decided."""
    if not _is_secretariat(user):
        raise PermissionDenied
    checked = []
    for delegate, decision, reason in decisions:
        if decision not in (Accreditation.APPROVED, Accreditation.DECLINED):
            raise ValueError(decision)
        reason = (reason or "").strip()
        if decision == Accreditation.DECLINED and not reason:
            raise ValidationError({"accreditation_reason": MSG_DECLINE_REASON})
        checked.append((delegate, decision, reason))
    checked.sort(key=lambda item: (item[0].delegation_id, item[0].pk))
    decided, changed = [], []
    with transaction.atomic():
        locked = set()
        for delegate, decision, reason in checked:
            if delegate.delegation_id not in locked:  # in one order: no deadlock
                delegation = _lock(delegate.delegation)
                if delegation.status == DelegationStatus.WITHDRAWN:
                    # Its delegates are no longer registered (and were told so):
                    # a decision would email them about a meeting they left.
                    raise ValidationError(MSG_WITHDRAWN, params={"party": delegation.party})
                locked.add(delegate.delegation_id)
            current = Delegate.objects.select_for_update().get(pk=delegate.pk)
            decided.append(current)
            if current.accreditation == decision and current.accreditation_reason == reason:
                continue
            current.accreditation = decision
            current.accreditation_reason = reason
            current.accreditation_decided_at = timezone.now()
            current.accreditation_decided_by = user
            current._history_user = user
            current.save()
            changed.append(current.pk)
        if changed:
            send_on_commit("meetings.send_accreditation_decisions", args=[changed],
                           kwargs={"base_url": base_url})
    return decided


def delegates_decide_accreditation(*, delegates: Iterable[Delegate], decision: str, user,
                                   reason: str = "",
                                   base_url: str | None = None) -> list[Delegate]:
    """The same decision for several delegates (the admin's actions)."""
    return accreditation_decide(decisions=[(d, decision, reason) for d in delegates],
                                user=user, base_url=base_url)


def delegate_decide_accreditation(*, delegate: Delegate, decision: str, user,
                                  reason: str = "", base_url: str | None = None) -> Delegate:
    """One decision (``delegates_decide_accreditation`` of one delegate)."""
    (decided,) = delegates_decide_accreditation(
        delegates=[delegate], decision=decision, user=user, reason=reason, base_url=base_url,
    )
    return decided
