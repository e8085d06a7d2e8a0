"""Emails about registrations, each in the recipient's own language (never
mixed: subject, body, the meeting's title and the .ics alike): the
confirmation of a submitted delegation (to the coordinator or focal point
and to each delegate) and the accreditation decisions (to each delegate,
and one email per delegation and batch to the same coordinator)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from core.links import absolute_url
from membership.enums import Language, OrganisationKind
from membership.models import FocalPoint, NationalCoordinator

from .credentials import nominated_by_note_verbale
from .enums import Accreditation
from .ics import calendar_of
from .models import Delegate, Delegation, ObserverInvitation

LANGUAGES = {choice.value for choice in Language}


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str
    name: str = ""


def _language(value: str | None) -> str:
    return value if value in LANGUAGES else Language.RUSSIAN


def registrant_of(delegation: Delegation) -> Recipient | None:
    """Who registered the delegation: the state's coordinator in office, or
    the organisation's focal point (else the invitation's address)."""
    if delegation.state_id is not None:
        term = (NationalCoordinator.objects.in_office().filter(state_id=delegation.state_id)
                .select_related("user").first())
    else:
        term = (FocalPoint.objects.in_office()
                .filter(organisation_id=delegation.organisation_id)
                .select_related("user").first())
    if term is not None:
        email = term.user.email if term.user_id else term.email
        language = term.user.preferred_language if term.user_id else None
        if email:
            return Recipient(email=email, language=_language(language), name=term.full_name)
    if delegation.organisation_id is not None:
        invitation = ObserverInvitation.objects.filter(
            meeting_id=delegation.meeting_id, organisation_id=delegation.organisation_id,
        ).first()
        if invitation is not None:
            return Recipient(email=invitation.email, language=_language(invitation.language))
    return None


def _send(*, recipient: Recipient, template: str, context: dict, meeting_url: str = "",
          calendar: bool = True) -> None:
    """One email in the recipient's language, with the meeting's .ics unless
    ``calendar`` is False (a decline, a withdrawal: the meeting is no
    longer, or not yet again, in the recipient's plans)."""
    with translation.override(recipient.language):
        context = {**context, "recipient": recipient, "meeting_url": meeting_url}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
        ics = calendar_of([context["meeting"]], url_for=lambda _m: meeting_url,
                          name=str(context["meeting"].title)) if calendar else None
    message = EmailMessage(
        subject=subject, body=body, to=[recipient.email],
        headers={"Content-Language": recipient.language},
    )
    if ics:
        # A text type: Django adds the charset (utf-8) itself.
        message.attach("meeting.ics", ics, "text/calendar")
    message.send()


def _meeting_url(meeting, language: str, base_url: str) -> str:
    with translation.override(language):
        return absolute_url(meeting.get_absolute_url(), base=base_url)


def send_registration_confirmation(*, delegation: Delegation, base_url: str) -> int:
    """One email to the registrant and one to each delegate; returns how
    many were sent."""
    meeting = delegation.meeting
    delegates = sorted(delegation.delegates.all(), key=lambda d: (not d.is_head, d.pk))
    sent = 0
    registrant = registrant_of(delegation)
    if registrant is not None:
        _send(recipient=registrant, template="meetings/email/registration_registrant",
              context={"meeting": meeting, "delegation": delegation, "delegates": delegates},
              meeting_url=_meeting_url(meeting, registrant.language, base_url))
        sent += 1
    for delegate in delegates:
        recipient = Recipient(email=delegate.email, language=_language(delegate.preferred_language),
                              name=delegate.name_latin)
        _send(recipient=recipient, template="meetings/email/registration_delegate",
              context={"meeting": meeting, "delegation": delegation, "delegate": delegate},
              meeting_url=_meeting_url(meeting, recipient.language, base_url))
        sent += 1
    return sent


def send_accreditation_decisions(*, delegates: list[Delegate], base_url: str) -> int:
    """Each delegate their own decision (the meeting's .ics only when
    approved); the registering party one email per delegation: the same
    email as the delegate's for one decision, else one listing them all
    (with the .ics if any is approved). Returns how many were sent."""
    by_delegation: dict[int, list[Delegate]] = {}
    for delegate in delegates:
        by_delegation.setdefault(delegate.delegation_id, []).append(delegate)
        recipient = Recipient(email=delegate.email,
                              language=_language(delegate.preferred_language),
                              name=delegate.name_latin)
        _send_decision(recipient, delegate.delegation, [delegate], base_url)
    sent = len(delegates)
    for group in by_delegation.values():
        registrant = registrant_of(group[0].delegation)
        if registrant is None or (len(group) == 1
                                  and registrant.email.lower() == group[0].email.lower()):
            continue
        _send_decision(registrant, group[0].delegation, group, base_url)
        sent += 1
    return sent


def _send_decision(recipient: Recipient, delegation: Delegation, group: list[Delegate],
                   base_url: str) -> None:
    meeting = delegation.meeting
    approved = any(d.accreditation == Accreditation.APPROVED for d in group)
    if len(group) == 1:
        template, context = "meetings/email/accreditation", {"delegate": group[0]}
    else:
        template, context = "meetings/email/accreditations", {"delegates": group}
    _send(recipient=recipient, template=template,
          context={"meeting": meeting, "delegation": delegation, **context},
          meeting_url=_meeting_url(meeting, recipient.language, base_url), calendar=approved)


def send_observer_invitation(*, invitation: ObserverInvitation, base_url: str) -> None:
    """The signed registration link, in the invitation's language."""
    from django.urls import reverse

    from .invitations import invitation_token, link_max_age

    language = _language(invitation.language)
    organisation = invitation.organisation
    with translation.override(language):
        link = absolute_url(reverse("meetings:invited_delegation", kwargs={
            "token": invitation_token(invitation), "slug": invitation.meeting.slug,
        }), base=base_url)
    _send(recipient=Recipient(email=invitation.email, language=language),
          template="meetings/email/observer_invitation",
          context={"meeting": invitation.meeting, "invitation": invitation, "link": link,
                   "valid_days": link_max_age().days,
                   # Civil society is invited, not an observer; only a
                   # state nominates by note verbale (meetings.credentials).
                   "civil_society": organisation.kind == OrganisationKind.CIVIL_SOCIETY,
                   "note_verbale": nominated_by_note_verbale(organisation)},
          meeting_url=_meeting_url(invitation.meeting, language, base_url))


# --- A delegation withdrawn or restored (issue 24) ------------------------------------


def support_unit_recipients():
    """The Support Unit's staff told of withdrawals: active staff who may
    change delegations (superusers, or the permission given directly or
    through a group, as ModelBackend decides it)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    permission = Permission.objects.filter(content_type__app_label="meetings",
                                           codename="change_delegation")
    return get_user_model().objects.filter(is_active=True, is_staff=True).filter(
        Q(is_superuser=True) | Q(user_permissions__in=permission)
        | Q(groups__permissions__in=permission),
    ).exclude(email="").distinct().order_by("pk")


def send_delegation_withdrawal(*, delegation: Delegation, restored: bool, base_url: str) -> int:
    """Tell each delegate (their language) and the Support Unit (each
    staff member's language) that the delegation was withdrawn, or
    restored; returns how many emails were sent."""
    from django.urls import reverse

    meeting = delegation.meeting
    delegates = sorted(delegation.delegates.all(), key=lambda d: (not d.is_head, d.pk))
    context = {"meeting": meeting, "delegation": delegation, "delegates": delegates,
               "restored": restored}
    sent = 0
    for delegate in delegates:
        recipient = Recipient(email=delegate.email, language=_language(delegate.preferred_language),
                              name=delegate.name_latin)
        _send(recipient=recipient, template="meetings/email/delegation_withdrawn_delegate",
              context={**context, "delegate": delegate},
              meeting_url=_meeting_url(meeting, recipient.language, base_url), calendar=False)
        sent += 1
    admin_url = absolute_url(reverse("admin:meetings_delegation_change", args=[delegation.pk]),
                             base=base_url)
    for user in support_unit_recipients():
        recipient = Recipient(email=user.email, language=_language(user.preferred_language),
                              name=user.get_full_name())
        _send(recipient=recipient, template="meetings/email/delegation_withdrawn_staff",
              context={**context, "admin_url": admin_url}, calendar=False)
        sent += 1
    return sent
