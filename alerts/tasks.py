"""Background work of alerts. Not acknowledged late: an email sent twice is
worse than one sent at the next run (the digests' periods guarantee that
nothing is missed: alerts/digests.py)."""

from __future__ import annotations

from celery import shared_task

from core.links import base_url as portal_base_url

from . import digests, emails, services


@shared_task(name="alerts.send_confirmation")
def send_confirmation(email: str, ids: list[int], language: str,
                      base_url: str | None = None) -> None:
    emails.send_confirmation(email=email, ids=ids, language=language,
                             base_url=base_url or portal_base_url())


@shared_task(name="alerts.send_manage_link")
def send_manage_link(email: str, language: str, base_url: str | None = None) -> None:
    emails.send_manage_link(email=email, language=language,
                            base_url=base_url or portal_base_url())


@shared_task(name="alerts.send_digests")
def send_digests() -> int:
    return digests.digests_send(base_url=portal_base_url())


@shared_task(name="alerts.purge_unconfirmed")
def purge_unconfirmed() -> int:
    return services.subscriptions_purge_unconfirmed()
