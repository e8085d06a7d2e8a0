"""Reads about a person's second factor."""

from __future__ import annotations

from django.conf import settings
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..models import User


def has_second_factor(*, user: User) -> bool:
    """Whether ``user`` has a confirmed authenticator (the sign-in then asks
    for a code)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def totp_enrolment_pending(*, user: User) -> TOTPDevice | None:
    """The unconfirmed authenticator of an enrolment in progress, if any."""
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()


def recovery_codes_left(*, user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def recovery_codes(*, user: User) -> list[str]:
    return list(
        StaticToken.objects.filter(device__user=user, device__confirmed=True)
        .order_by("pk")
        .values_list("token", flat=True)
    )


def second_factor_required(*, user: User) -> bool:
    """Staff must use a second factor when STAFF_REQUIRE_2FA is on."""
    return bool(user.is_staff and settings.STAFF_REQUIRE_2FA)
