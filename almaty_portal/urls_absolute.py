"""Absolute addresses of the portal's pages, for what search engines and
sharing read (canonical, hreflang alternates, Open Graph, robots.txt): the
configured public address (``PORTAL_BASE_URL``) when set, else the
address the request came to."""

from __future__ import annotations

from django.conf import settings


def absolute_url(request, path: str) -> str:
    if settings.PORTAL_BASE_URL:
        return f"{settings.PORTAL_BASE_URL}{path}"
    if request is None:
        return path
    return request.build_absolute_uri(path)
