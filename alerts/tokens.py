"""The signed links of alerts (``django.core.signing``: the payload is
readable, never forgeable), each with its own salt and lifetime:

- confirm: the address and the ids of the subscriptions it asked for,
  valid ``CONFIRM_MAX_AGE`` (7 days: unconfirmed rows are deleted then);
- manage: the address alone, valid ``MANAGE_MAX_AGE`` (30 days; every
  digest brings a fresh one);
- unsubscribe: the address and the ids of the subscriptions a digest
  reported on, valid ``UNSUBSCRIBE_MAX_AGE`` (a year: a one-click
  unsubscribe in an old email should still work, and it can only delete
  what that email was about).

A link that is tampered with, expired or malformed reads as None: the
views show a translated page saying so (never a 500)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core import signing

CONFIRM_MAX_AGE = datetime.timedelta(days=7)
MANAGE_MAX_AGE = datetime.timedelta(days=30)
UNSUBSCRIBE_MAX_AGE = datetime.timedelta(days=365)

_SALTS = {"confirm": "alerts.confirm", "manage": "alerts.manage",
          "unsubscribe": "alerts.unsubscribe"}
_MAX_AGES = {"confirm": CONFIRM_MAX_AGE, "manage": MANAGE_MAX_AGE,
             "unsubscribe": UNSUBSCRIBE_MAX_AGE}


@dataclass(frozen=True)
class Link:
    email: str
    ids: tuple[int, ...] = ()


def make(purpose: str, *, email: str, ids=()) -> str:
    payload = {"e": email}
    if purpose != "manage":
        payload["i"] = sorted(int(pk) for pk in ids)
    return signing.dumps(payload, salt=_SALTS[purpose], compress=True)


def read(purpose: str, token: str) -> Link | None:
    """The link's address and ids, or None when it is not one of ours, was
    altered or has expired."""
    try:
        payload = signing.loads(token, salt=_SALTS[purpose], max_age=_MAX_AGES[purpose])
        email = payload["e"]
        ids = tuple(int(pk) for pk in payload.get("i", ()))
    except (signing.BadSignature, KeyError, TypeError, ValueError, AttributeError):
        return None
    if not isinstance(email, str) or not email:
        return None
    return Link(email=email, ids=ids)
