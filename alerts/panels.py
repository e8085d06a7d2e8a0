"""The dashboard's panel of alerts: a coordinator's or focal point's own
subscriptions (those of their account's address), with the signed link to
manage them. The dashboard's body is cached per user (meetings.
dashboard_cache): the panel reads nothing of the request but its user."""

from __future__ import annotations

from django.urls import reverse

from . import selectors, tokens

DASHBOARD_TEMPLATE = "alerts/_dashboard.html"


def dashboard_context(*, user, meeting=None) -> dict:
    email = getattr(user, "email", "") or ""
    rows = selectors.described(selectors.subscriptions_of(email=email)) if email else []
    return {
        "subscriptions": rows,
        "manage_url": reverse("alerts:manage",
                              kwargs={"token": tokens.make("manage", email=email.lower())})
        if rows else "",
    }
