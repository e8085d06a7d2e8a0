"""A person's own account: the second factor (a TOTP app and single-use
recovery codes, stored by django-otp) and signing out of every session.

Rules:
- one confirmed TOTP device per account; an enrolment in progress is an
  unconfirmed device, confirmed only by a code it produced;
- recovery codes are one set of ``RECOVERY_CODE_COUNT`` single-use codes
  (django-otp's static device); regenerating replaces the whole set;
- a code is checked against the device under a row lock
  (``django_otp.verify_token``), so a recovery code used twice at once
  is accepted once, and django-otp's throttling delays repeated wrong codes;
- signing out everywhere gives the password a new salt: every session's
  stored hash of it (Django checks it on each request, whatever the session
  engine) stops matching, and the caller keeps its own session with
  ``update_session_auth_hash``.
"""

from __future__ import annotations

from base64 import b32encode

import django_otp
from django.db import transaction
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..models import User
from . import selectors

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "authenticator"
RECOVERY_DEVICE_NAME = "recovery codes"


def normalise_code(code: str) -> str:
    """A code as typed: spaces and hyphens dropped, letters in lower case
    (recovery codes are lower-case base32)."""
    return "".join(code.split()).replace("-", "").lower()


def totp_enrolment_start(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator of an enrolment in progress: the same
    secret on every reload until it is confirmed (a new one would void the
    QR code the person already scanned)."""
    device = selectors.totp_enrolment_pending(user=user)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def totp_enrolment_confirm(*, user: User, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm ``device`` with a code it produced; returns the new set of
    recovery codes, or None if the code is wrong (or throttled)."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
        if not device.verify_token(normalise_code(code)):
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        return recovery_codes_regenerate(user=user)


def recovery_codes_regenerate(*, user: User) -> list[str]:
    """A new set of single-use recovery codes; the previous ones stop working."""
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(
            user=user, defaults={"name": RECOVERY_DEVICE_NAME, "confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def second_factor_verify(*, user: User, code: str) -> Device | None:
    """The device that accepts ``code`` (six digits: the authenticator; else a
    recovery code, which is used up), or None."""
    code = normalise_code(code)
    if not code or len(code) > 16:
        return None
    device_model = TOTPDevice if code.isdigit() and len(code) <= 8 else StaticDevice
    for device in device_model.objects.filter(user=user, confirmed=True):
        verified = django_otp.verify_token(user, device.persistent_id, code)
        if verified is not None:
            return verified
    return None


def second_factor_disable(*, user: User) -> None:
    """Remove the authenticator and the recovery codes."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()


def user_sessions_end_everywhere(*, user: User, password: str) -> None:
    """End every session of ``user``: the password, unchanged, gets a new
    salt and so a new hash. The caller keeps its own session by calling
    ``update_session_auth_hash`` afterwards."""
    user.set_password(password)
    user.save(update_fields=["password"])


def totp_secret(*, device: TOTPDevice) -> str:
    """The device's key as authenticator apps take it typed in (base32)."""
    return b32encode(device.bin_key).decode("ascii").rstrip("=")
