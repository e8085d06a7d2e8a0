"""Signed, expiring links for observer organisations' focal points: the
secretariat emails one per invitation; whoever holds it registers that
organisation's delegation to that meeting, and nothing else, until it
expires (``MEETINGS_OBSERVER_LINK_MAX_AGE_DAYS``, 30 by default)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core import signing

from .models import ObserverInvitation

SALT = "meetings.observer-invitation"


def link_max_age() -> datetime.timedelta:
    return datetime.timedelta(days=settings.MEETINGS_OBSERVER_LINK_MAX_AGE_DAYS)


def invitation_token(invitation: ObserverInvitation) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(invitation.pk))


def invitation_from_token(token: str) -> ObserverInvitation | None:
    """The invitation a valid, unexpired token names, or None."""
    try:
        pk = signing.TimestampSigner(salt=SALT).unsign(token, max_age=link_max_age())
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        return None
    return (
        ObserverInvitation.objects.select_related("meeting", "organisation")
        .filter(pk=pk).first()
    )
