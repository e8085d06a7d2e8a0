"""Who is asking: the client address behind our proxies and the account a
login form names, as django-axes and the password-reset cap count them."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind ``PROXY_COUNT`` proxies
    that each append to X-Forwarded-For, the entry the first of them wrote.

    Entries further left come from the client itself and are never trusted;
    with fewer entries than proxies (a request that skipped the front proxy)
    the left-most one is the best we have.
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    count = settings.PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if not forwarded:
        return remote
    return forwarded[-count] if len(forwarded) >= count else forwarded[0]


def login_username(request: HttpRequest, credentials: dict | None) -> str | None:
    """The email a login form names, as the account stores it (trimmed,
    lower case), so that "Name@Example.org" and "name@example.org" share
    one failure count."""
    field = settings.AXES_USERNAME_FORM_FIELD
    value = None
    if credentials:
        value = credentials.get(field)
    if value is None and request is not None and request.method == "POST":
        value = request.POST.get(field)
    if not value:
        return value
    return str(value).strip().lower()
