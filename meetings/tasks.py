"""Background work of registrations: the confirmation and accreditation
emails. Tasks take primary keys and give up quietly when the row is gone
(a delegation withdrawn meanwhile). They are not acknowledged late: an
email sent twice is worse than a retry the secretariat can trigger.

``base_url``: the address of the request that queued the task (its scheme,
host and port, core.links), so that the emails' links and .ics files point
where the person was; without one, core.links' configured address."""

from __future__ import annotations

from celery import shared_task
from django.db.models import Prefetch

from core.links import base_url as portal_base_url

from . import emails
from .enums import DelegationStatus
from .models import Delegate, Delegation, ObserverInvitation


@shared_task(name="meetings.send_registration_confirmation")
def send_registration_confirmation(delegation_id: int, base_url: str | None = None) -> int:
    delegation = (
        Delegation.objects.select_related("meeting__host_state", "state", "organisation")
        .prefetch_related(Prefetch("delegates", queryset=Delegate.objects.order_by("pk")))
        .filter(pk=delegation_id).first()
    )
    if delegation is None:
        return 0
    return emails.send_registration_confirmation(delegation=delegation,
                                                 base_url=base_url or portal_base_url())


@shared_task(name="meetings.send_accreditation_decisions")
def send_accreditation_decisions(delegate_ids: list[int], base_url: str | None = None) -> int:
    """The decisions of one batch: an email to each delegate, one to the
    registering party per delegation listing them all."""
    delegates = list(
        Delegate.objects.select_related(
            "delegation__meeting__host_state", "delegation__state", "delegation__organisation",
        ).filter(pk__in=delegate_ids).order_by("delegation_id", "pk")
    )
    if not delegates:
        return 0
    return emails.send_accreditation_decisions(delegates=delegates,
                                               base_url=base_url or portal_base_url())


@shared_task(name="meetings.send_accreditation_decision")
def send_accreditation_decision(delegate_id: int, base_url: str | None = None) -> int:
    """One decision, as queued before batches (outbox rows kept across a deploy)."""
    return send_accreditation_decisions([delegate_id], base_url=base_url)


@shared_task(name="meetings.send_observer_invitation")
def send_observer_invitation(invitation_id: int, base_url: str | None = None) -> int:
    invitation = (
        ObserverInvitation.objects.select_related("meeting__host_state", "organisation")
        .filter(pk=invitation_id).first()
    )
    if invitation is None:
        return 0
    emails.send_observer_invitation(invitation=invitation,
                                    base_url=base_url or portal_base_url())
    return 1


@shared_task(name="meetings.purge_delegates")
def purge_delegates() -> int:
    """Daily (Celery beat): delegates' personal data past the retention
    period. Idempotent."""
    from .services.purge import delegates_purge

    return delegates_purge().delegates


@shared_task(name="meetings.send_delegation_withdrawal")
def send_delegation_withdrawal(delegation_id: int, restored: bool = False,
                               base_url: str | None = None) -> int:
    """Tell the delegates and the Support Unit that a delegation was
    withdrawn (or restored); nothing when it is gone or was restored (or
    withdrawn again) before the task ran: the later notice tells."""
    delegation = (
        Delegation.objects.select_related("meeting", "state", "organisation", "withdrawn_by")
        .prefetch_related(Prefetch("delegates", queryset=Delegate.objects.order_by("pk")))
        .filter(pk=delegation_id).first()
    )
    if delegation is None or (delegation.status == DelegationStatus.WITHDRAWN) == restored:
        return 0
    return emails.send_delegation_withdrawal(delegation=delegation, restored=restored,
                                             base_url=base_url or portal_base_url())
