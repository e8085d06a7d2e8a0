"""Writes of alerts (keyword-only ``<entity>_<action>`` functions).

Rules:
- a subscription starts unconfirmed; only the signed link sent to its
  address confirms it (double opt-in), and the confirmation is when its
  first digest starts counting (nothing published before is sent);
- asking again for a topic already confirmed changes nothing (the
  frequency and language of a confirmed row change only through a new
  confirmation), and the answer to the visitor is the same whether or not
  the address was known (no enumeration): the email tells the owner;
- a subscription is deleted by its owner (the signed manage or
  unsubscribe link), after 7 days unconfirmed, or when its address
  bounces. Nothing else keeps an address."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from core.tasking import send_on_commit

from .models import Subscription

UNCONFIRMED_RETENTION = datetime.timedelta(days=7)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def subscription_request(*, email: str, language: str, frequency: str,
                         topics: Iterable[tuple[str, str]], base_url: str) -> list[int]:
    """Record the topics asked for (unconfirmed) and queue the email with
    the confirmation link (or, when every topic is already confirmed, the
    link to manage them). Returns the ids awaiting confirmation."""
    email = normalise_email(email)
    pending: list[int] = []
    with transaction.atomic():
        for topic, value in dict.fromkeys(topics):
            row, _created = Subscription.objects.get_or_create(
                email=email, topic=topic, value=value,
                defaults={"language": language, "frequency": frequency},
            )
            if row.confirmed_at is None:
                if (row.language, row.frequency) != (language, frequency):
                    row.language, row.frequency = language, frequency
                    row.save(update_fields=["language", "frequency"])
                pending.append(row.pk)
        send_on_commit("alerts.send_confirmation",
                       args=[email, pending, language, base_url])
    return pending


def subscriptions_confirm(*, email: str, ids: Iterable[int]) -> list[Subscription]:
    """Confirm the link's subscriptions that still await it (a second click
    changes nothing); their digests count from now. Returns the address's
    subscriptions the link named that exist."""
    email = normalise_email(email)
    now = timezone.now()
    with transaction.atomic():
        rows = list(Subscription.objects.select_for_update()
                    .filter(email=email, pk__in=list(ids)))
        for row in rows:
            if row.confirmed_at is None:
                row.confirmed_at = now
                row.digest_covered_until = now
                row.save(update_fields=["confirmed_at", "digest_covered_until"])
    return rows


def subscriptions_delete(*, email: str, ids: Iterable[int] | None = None) -> int:
    """Delete an address's subscriptions (those of ``ids``, or all)."""
    rows = Subscription.objects.filter(email=normalise_email(email))
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    deleted, _detail = rows.delete()
    return deleted


def subscriptions_purge_unconfirmed(*, now: datetime.datetime | None = None) -> int:
    """Delete subscriptions left unconfirmed for ``UNCONFIRMED_RETENTION``."""
    cutoff = (now or timezone.now()) - UNCONFIRMED_RETENTION
    deleted, _detail = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    return deleted


def subscriptions_delete_bounced(*, emails: Iterable[str]) -> int:
    """Delete every subscription of addresses whose mail bounced."""
    addresses = {normalise_email(email) for email in emails if email and email.strip()}
    if not addresses:
        return 0
    deleted, _detail = Subscription.objects.filter(email__in=addresses).delete()
    return deleted


def manage_link_send(*, email: str, language: str, base_url: str) -> None:
    """Queue the email with the link to manage an address's subscriptions
    (only if it has any: nobody else is mailed, and the visitor's answer
    is the same either way)."""
    email = normalise_email(email)
    if Subscription.objects.filter(email=email).exists():
        send_on_commit("alerts.send_manage_link", args=[email, language, base_url])
