"""Observer invitations: an observer organisation invited to one meeting,
with the participant states' consent for a civil-society organisation,
and the signed, expiring registration link emailed to its focal point.

States and international or regional organisations observe every meeting
unless the meeting excludes observers (``Meeting.observers_excluded``, with
the reason); a civil-society organisation only once the participant states
consented (date and how), never after an objection."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext

from core.tasking import send_on_commit
from membership.enums import OrganisationKind

from ..enums import Consent
from ..models import ObserverInvitation
from .registration import MSG_NO_CONSENT, MSG_OBSERVERS_EXCLUDED


def observer_invitation_save(*, invitation: ObserverInvitation, user=None) -> ObserverInvitation:
    """Record or change an invitation. A civil-society organisation's
    consent starts as awaited; other observers need none."""
    civil_society = invitation.organisation.kind == OrganisationKind.CIVIL_SOCIETY
    if civil_society and invitation.consent == Consent.NOT_NEEDED:
        invitation.consent = Consent.AWAITED
    if not civil_society:
        invitation.consent = Consent.NOT_NEEDED
    if invitation.focal_point_id and not invitation.email:
        invitation.email = invitation.focal_point.email
    invitation.full_clean()
    invitation._history_user = user
    with transaction.atomic():
        invitation.save()
    return invitation


def observer_invitation_send(*, invitation: ObserverInvitation, user,
                             base_url: str | None = None) -> ObserverInvitation:
    """Email the focal point the signed registration link (valid for
    MEETINGS_OBSERVER_LINK_MAX_AGE_DAYS), on ``base_url`` (the request's,
    core.links.base_url). Refused when the meeting excludes observers or the
    participant states have not consented."""
    meeting = invitation.meeting
    if meeting.observers_excluded:
        raise ValidationError(MSG_OBSERVERS_EXCLUDED, code="observers_excluded",
                              params={"reason": meeting.observers_excluded_reason})
    if not invitation.consent_allows_registration:
        raise ValidationError(MSG_NO_CONSENT, code="no_consent")
    with transaction.atomic():
        locked = ObserverInvitation.objects.select_for_update().get(pk=invitation.pk)
        locked.invited_at = timezone.now()
        locked.invited_by = user
        locked._history_user = user
        locked.save(update_fields=["invited_at", "invited_by"])
        send_on_commit("meetings.send_observer_invitation", args=[locked.pk],
                       kwargs={"base_url": base_url})
    return locked


def observer_invitations_follow_kind(*, organisation, previous_kind: str, user=None) -> list[str]:
    """An organisation whose kind changed to civil society observes only
    with the participant states' consent: its invitations to meetings not
    yet over that needed none (it was invited as another kind) now await
    consent, so its focal point cannot register until the secretariat
    records it. Delegates already registered stay (the secretariat decides
    on their accreditation). Other changes of kind leave the invitations as
    recorded. Returns what changed, for the person who saved."""
    if organisation.kind != OrganisationKind.CIVIL_SOCIETY:
        return []
    invitations = list(
        ObserverInvitation.objects.select_for_update()
        .filter(organisation=organisation, consent=Consent.NOT_NEEDED,
                meeting__end__gte=timezone.localdate())
        .select_related("meeting")
    )
    for invitation in invitations:
        invitation.consent = Consent.AWAITED
        invitation._history_user = user
        invitation.save(update_fields=["consent"])
    if not invitations:
        return []
    return [ngettext(
        "%(organisation)s is now a civil-society organisation: its invitation to "
        "%(meetings)s awaits the participant states' consent, and its focal point cannot "
        "register until the consent is recorded.",
        "%(organisation)s is now a civil-society organisation: its %(count)d invitations "
        "(%(meetings)s) await the participant states' consent, and its focal point cannot "
        "register until the consent is recorded.",
        len(invitations),
    ) % {
        "organisation": organisation, "count": len(invitations),
        "meetings": ", ".join(str(invitation.meeting) for invitation in invitations),
    }]
