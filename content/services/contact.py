"""The contact form's messages: stored for the secretariat, announced to it
by email through Celery after the transaction commits, marked read or
unread in the admin."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from core.tasking import send_on_commit

from ..models import ContactMessage

NOTIFY_PERMISSION = "content.view_contactmessage"


@transaction.atomic
def contact_message_submit(
    *, name: str, email: str, subject: str, message: str, language: str,
    organisation: str = "", base_url: str | None = None,
) -> ContactMessage:
    """Store a message and have the staff told (content.notify_contact_message)."""
    stored = ContactMessage(
        name=name.strip(), email=email.strip(), organisation=organisation.strip(),
        subject=subject.strip(), message=message.strip(), language=language,
    )
    stored.full_clean()
    stored.save()
    send_on_commit("content.notify_contact_message", args=[stored.pk],
                   kwargs={"base_url": base_url})
    return stored


def contact_message_mark_read(*, message: ContactMessage, by) -> ContactMessage:
    if not message.is_read:
        message.is_read, message.read_at, message.read_by = True, timezone.now(), by
        message.save(update_fields=["is_read", "read_at", "read_by"])
    return message


def contact_message_mark_unread(*, message: ContactMessage) -> ContactMessage:
    if message.is_read:
        message.is_read, message.read_at, message.read_by = False, None, None
        message.save(update_fields=["is_read", "read_at", "read_by"])
    return message


def contact_message_recipients() -> QuerySet:
    """Active staff who may read contact messages: superusers, and those
    given the permission directly or through a group (as ModelBackend
    decides it)."""
    User = get_user_model()  # noqa: N806
    app_label, codename = NOTIFY_PERMISSION.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return User.objects.filter(is_active=True, is_staff=True).filter(
        Q(is_superuser=True) | Q(user_permissions__in=permission)
        | Q(groups__permissions__in=permission)
    ).distinct().order_by("pk")


def contact_message_notify(*, message_id: int, base_url: str | None = None) -> int:
    """Email the staff about a stored message, once: the row is locked and
    ``notified_at`` set in the same transaction as the sending, so a second
    run (a retry, a re-queued task) sends nothing. Returns how many emails
    went out (0 when the message is gone or was announced already)."""
    from ..emails import send_contact_notification

    with transaction.atomic():
        message = ContactMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.notified_at is not None:
            return 0
        recipients = list(contact_message_recipients())
        for recipient in recipients:
            send_contact_notification(message=message, recipient=recipient, base_url=base_url)
        message.notified_at = timezone.now()
        message.save(update_fields=["notified_at"])
    return len(recipients)
