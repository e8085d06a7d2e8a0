"""Emails to people of the process, each written in the recipient's
preferred language (never mixed: subject, body and links alike)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.links import absolute_url

from .models import User


def invitation_path(user: User) -> str:
    """The single-use "set your password" path, in the user's language. The
    token (Django's default generator) stops working once the password is
    set, and after PASSWORD_RESET_TIMEOUT."""
    with translation.override(user.preferred_language):
        return reverse(
            "membership:invitation_accept",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )


def send_invitation(*, user: User, role_text, where, base_url: str | None = None) -> None:
    """``role_text`` (lazy) and ``where`` (a state or an organisation, with
    translated names) render in the recipient's language. ``base_url``: the
    address of the admin's request (core.links), else the configured one."""
    with translation.override(user.preferred_language):
        context = {
            "user": user,
            "role": role_text,
            "where": where,
            "link": absolute_url(invitation_path(user), base=base_url),
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
            "login_url": absolute_url(reverse("login"), base=base_url),
        }
        subject = render_to_string("membership/email/invitation_subject.txt", context)
        body = render_to_string("membership/email/invitation.txt", context)
        html = render_to_string("membership/email/invitation.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=body, to=[user.email],
        headers={"Content-Language": user.preferred_language},
    )
    message.attach_alternative(html, "text/html")
    message.send()
