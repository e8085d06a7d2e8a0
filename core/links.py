"""The portal's own address, for every link that leaves the page: canonical
URLs, hreflang alternates, Open Graph, robots.txt and the sitemap, and the
links in emails and .ics files, whether a request or a Celery task builds
them.

One rule, in ``base_url``: the configured public address
(``PORTAL_BASE_URL``) when it is set; else the address the request came to,
scheme, host and port; else, outside a request, a default from
``ALLOWED_HOSTS``. A task has no request: the service that queues it passes
``base_url(request)`` along (a string in the task's arguments), so that a
link in an email sent by the worker points where the person's browser did,
port included (issue 24: a portal on :8011 sent links to port 80).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def configured_base_url() -> str:
    """``PORTAL_BASE_URL`` without a trailing slash, or "" when unset."""
    return (getattr(settings, "PORTAL_BASE_URL", "") or "").rstrip("/")


def base_url(request: HttpRequest | None = None) -> str:
    """``scheme://host[:port]``, without a trailing slash (see the module's
    text for the order of the sources)."""
    configured = configured_base_url()
    if configured:
        return configured
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    host = next((h for h in settings.ALLOWED_HOSTS if h and h != "*"), "localhost")
    scheme = "http" if settings.DEBUG or host in {"localhost", "127.0.0.1"} else "https"
    return f"{scheme}://{host.lstrip('.')}"


def absolute_url(path: str, *, request: HttpRequest | None = None,
                 base: str | None = None) -> str:
    """``path`` (absolute, starting with "/") on ``base``: an address a
    caller was given (a task's ``base_url`` argument), else ``base_url``'s."""
    if base is None and request is not None and not configured_base_url():
        # The request's own: it encodes a path in Cyrillic as a URI.
        return request.build_absolute_uri(path)
    return (base or base_url()).rstrip("/") + path
