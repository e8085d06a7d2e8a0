"""The emails of alerts, each in its subscriber's language (subject, both
parts and every link), plain text and HTML: the confirmation link, the
link to manage one's subscriptions, and the digests, which carry a
one-click unsubscribe link and the ``List-Unsubscribe`` and
``List-Unsubscribe-Post`` headers (RFC 2369, RFC 8058)."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.links import absolute_url
from membership.enums import Language

from . import tokens
from .models import Subscription
from .selectors import described

LANGUAGES = {choice.value for choice in Language}


def language_of(value: str | None) -> str:
    return value if value in LANGUAGES else Language.RUSSIAN


def link(name: str, *, token: str, base_url: str) -> str:
    """An absolute link to one of alerts' pages, in the active language."""
    return absolute_url(reverse(f"alerts:{name}", kwargs={"token": token}), base=base_url)


def manage_url(*, email: str, base_url: str) -> str:
    return link("manage", token=tokens.make("manage", email=email), base_url=base_url)


def unsubscribe_url(*, email: str, ids, base_url: str) -> str:
    return link("unsubscribe", token=tokens.make("unsubscribe", email=email, ids=ids),
                base_url=base_url)


def send(*, email: str, language: str, template: str, context: dict,
         headers: dict | None = None) -> None:
    """One email from ``alerts/email/<template>``: ``_subject.txt``,
    ``.txt`` and ``.html``, rendered in ``language``."""
    language = language_of(language)
    with translation.override(language):
        context = {**context, "language": language}
        subject = " ".join(render_to_string(f"alerts/email/{template}_subject.txt",
                                            context).split())
        text = render_to_string(f"alerts/email/{template}.txt", context)
        html = render_to_string(f"alerts/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=[email],
        headers={"Content-Language": language, **(headers or {})},
    )
    message.attach_alternative(html, "text/html")
    message.send()


def send_confirmation(*, email: str, ids: list[int], language: str, base_url: str) -> None:
    """The link confirming ``ids``; with none left to confirm (every topic
    asked for is already followed), the link to manage them instead."""
    language = language_of(language)
    rows = list(Subscription.objects.filter(email=email, pk__in=ids, confirmed_at__isnull=True))
    with translation.override(language):
        topics = [row.description for row in described(rows)]
        confirm = (link("confirm", token=tokens.make("confirm", email=email,
                                                      ids=[row.pk for row in rows]),
                        base_url=base_url) if rows else "")
        manage = manage_url(email=email, base_url=base_url)
    send(email=email, language=language,
         template="confirm" if rows else "already_subscribed",
         context={"topics": topics, "confirm_url": confirm, "manage_url": manage,
                  "days": tokens.CONFIRM_MAX_AGE.days})


def send_manage_link(*, email: str, language: str, base_url: str) -> None:
    language = language_of(language)
    with translation.override(language):
        manage = manage_url(email=email, base_url=base_url)
    send(email=email, language=language, template="manage_link",
         context={"manage_url": manage, "days": tokens.MANAGE_MAX_AGE.days})


def send_digest(*, email: str, language: str, sections: list, base_url: str) -> None:
    """A digest of ``sections`` (``selectors.Section``), with the one-click
    unsubscribe from every subscription it reports on."""
    language = language_of(language)
    ids = [section.subscription.pk for section in sections]
    with translation.override(language):
        unsubscribe = unsubscribe_url(email=email, ids=ids, base_url=base_url)
        manage = manage_url(email=email, base_url=base_url)
        for section in sections:
            for item in section.items:
                item.absolute_url = absolute_url(item.path, base=base_url)
            section.archive_url = (absolute_url(section.archive_path, base=base_url)
                                   if section.archive_path else "")
    send(email=email, language=language, template="digest",
         context={"sections": sections, "unsubscribe_url": unsubscribe,
                  "manage_url": manage,
                  "count": sum(len(s.items) + s.more for s in sections)},
         headers={"List-Unsubscribe": f"<{unsubscribe}>",
                  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"})
