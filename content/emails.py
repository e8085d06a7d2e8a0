"""Emails of the content app, each in the recipient's preferred language
(subject, body and link alike; the visitor's message is quoted as written)."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.links import absolute_url

from .models import ContactMessage


def send_contact_notification(*, message: ContactMessage, recipient, base_url=None) -> None:
    language = getattr(recipient, "preferred_language", "") or "ru"
    with translation.override(language):
        context = {
            "message": message,
            "link": absolute_url(
                reverse("admin:content_contactmessage_change", args=[message.pk]),
                base=base_url,
            ),
        }
        subject = render_to_string("content/email/contact_subject.txt", context)
        body = render_to_string("content/email/contact.txt", context)
    EmailMessage(
        subject=" ".join(subject.split()), body=body, to=[recipient.email],
        # "Reply" answers the visitor, not the portal's sender address.
        reply_to=[message.email], headers={"Content-Language": language},
    ).send()
