"""Background work of the content app.

``content.notify_contact_message`` is not ``acks_late``: it sends email,
and a worker lost between sending and committing ``notified_at`` would have
it sent twice on redelivery. Retries happen only when sending failed (the
transaction rolls back, nothing was recorded as sent)."""

from __future__ import annotations

import smtplib

from celery import shared_task

from .services import contact_message_notify


@shared_task(
    name="content.notify_contact_message",
    autoretry_for=(smtplib.SMTPException, ConnectionError, TimeoutError),
    retry_backoff=60, retry_backoff_max=3600, max_retries=6,
)
def notify_contact_message(message_id: int, base_url: str | None = None) -> int:
    """Tell the staff about a contact message (once; a message deleted in
    the meantime is skipped)."""
    return contact_message_notify(message_id=message_id, base_url=base_url)
