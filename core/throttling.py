"""Who is asking: the client address behind our proxies and the account a
login form names, as django-axes and the password-reset cap count them."""

from __future__ import annotations

from ipaddress import ip_address

from django.conf import settings
from django.http import HttpRequest

# The longest claimed account name a lockout counter or a log row keeps:
# django-axes' columns hold 255 characters, and no email address is longer
# than 254 (RFC 5321). A longer value is cut: two such names that share
# their first 254 characters share one failure count, which costs nothing
# (neither can be a real account).
USERNAME_MAX_LENGTH = 254


def _is_address(value: str) -> bool:
    try:
        ip_address(value)
    except ValueError:
        return False
    return True


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind ``PROXY_COUNT`` proxies
    that each append to X-Forwarded-For, the entry the first of them wrote.

    Entries further left come from the client itself and are never trusted;
    with fewer entries than proxies (a request that skipped the front proxy)
    the left-most one is the best we have. An entry that is not an IP
    address (a forged or garbled header) is not one: REMOTE_ADDR is used,
    as axes and the security log store the address in an address column.
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
    chosen = forwarded[-count] if len(forwarded) >= count else forwarded[0]
    return chosen if _is_address(chosen) else remote


def login_username(request: HttpRequest, credentials: dict | None) -> str | None:
    """The email a login form names, as the account stores it (trimmed,
    lower case), so that "Name@Example.org" and "name@example.org" share
    one failure count; at most ``USERNAME_MAX_LENGTH`` characters (a
    10,000-character name once reached axes' 255-character column and
    answered 500)."""
    field = settings.AXES_USERNAME_FORM_FIELD
    value = None
    if credentials:
        value = credentials.get(field)
    if value is None and request is not None and request.method == "POST":
        value = request.POST.get(field)
    if not value:
        return value
    return str(value).strip().lower()[:USERNAME_MAX_LENGTH]
