"""Accounts and invitations to the portal: an email with a single-use link
to set a password, at most INVITATIONS_PER_HOUR per address."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import Language
from ..models import (
    FocalPoint,
    NationalCoordinator,
    User,
)
from ..throttle import throttle_hit

logger = logging.getLogger(__name__)

# Invitations to one address per hour: enough to resend after a typo or a
# lost email, too few to flood an inbox from the admin.
INVITATIONS_PER_HOUR = 3


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
    from .. import emails  # emails render templates: keep them out of import time

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
        # Fails open while the cache cannot count (Redis down): staff are
        # signed in and audited, and their work must not stop for an outage.
        if not throttle_hit(
            scope="invitation", key=user.email, limit=INVITATIONS_PER_HOUR, period=60 * 60,
            when_unavailable="open",
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

