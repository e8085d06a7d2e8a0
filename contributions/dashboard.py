"""The coordinator's dashboard panel: their own state's record (never
another state's: ``selectors.record_for`` reads the user's roles)."""

from __future__ import annotations

DASHBOARD_TEMPLATE = "contributions/_dashboard.html"


def dashboard_context(*, user, meeting=None) -> dict:
    from .selectors import record_for

    return {"record": record_for(user=user)}
