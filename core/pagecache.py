"""A full-page cache of anonymous visitors' public pages: the mechanics, and
the registry each app fills from its own ``AppConfig.ready()`` (core knows
no app: each declares its public views and the rows its pages show).

Hand-written rather than Django's UpdateCacheMiddleware/FetchFromCacheMiddleware,
which cannot drop every page at once when the content changes (they only
expire), key every visitor who carries a CSRF cookie apart (they honour
``Vary: Cookie`` by the Cookie header's value), and would store a page that
sets a cookie under our rules. Here:

- Only GET/HEAD requests without a session or messages cookie are looked up:
  such a visitor is anonymous, and nothing in the page depends on them.
- A page is stored only if its view is on the allow-list the apps register
  (``public_views_register``: public pages, feeds, sitemap; never the admin,
  sign-in, registration, dashboards, downloads or forms), answered 200
  without setting a cookie, is not streaming, is not marked
  private/no-store/no-cache and varies on nothing but Accept-Language,
  Cookie or Accept-Encoding. Searches (a ``q`` parameter) are stored too:
  popular ones repeat, and at archive scale a common word costs hundreds of
  milliseconds. Their keys are unbounded, so the cache's own eviction keeps
  them in bounds (Redis: maxmemory with volatile-lru; files: MAX_ENTRIES),
  and results follow the search index, whose writes send a signal the
  archive registers (``follow_signal``).
- The key: scheme, host, full path with its query string, language, and the
  Almaty date (who chairs "today" changes at midnight). Every entry also
  carries the *generation* it was rendered in (``core.generations``); a
  save or deletion of a public-content row (the models the apps register
  with ``follow_app`` and ``follow``) sets a new generation when its
  transaction commits, and an entry of another generation is a miss.
  ``PAGE_CACHE_SECONDS`` bounds an entry's life, for what changes with the
  clock alone (a registration window opening at a given hour).
- A hit costs one cache round trip (the page and the generation are read
  together) and no database query.

The registry also keeps the clocks (``clock_register``): what tells the
next moment a page changes by the clock alone. The dashboards' cache bounds
its entries by them; the anonymous pages keep ``PAGE_CACHE_SECONDS`` alone,
as before (a miss then costs no query for the clocks).
"""
from __future__ import annotations

import datetime
import hashlib
import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from . import generations
from .generations import CACHE_ALIAS as CACHE_ALIAS  # the store, for the dashboards too

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"

# The cookie django.contrib.messages' cookie storage uses (fixed by Django).
MESSAGES_COOKIE_NAME = "messages"
ALLOWED_VARY = frozenset({"accept-language", "cookie", "accept-encoding"})
REFUSED_CACHE_CONTROL = ("private", "no-store", "no-cache")


def seconds() -> int:
    """How long a page stays cached; 0 turns the cache off."""
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def _cache():
    return generations.cache()


# --- The registry: what each app declares from its AppConfig.ready() --------------

# Views whose anonymous pages are the same for every anonymous visitor, by
# resolver view name. An allow-list: a new view (a form, a dashboard, a
# download) stays uncached until its app registers it as public.
_public_views: set[str] = set()
# What tells the next moment pages change with the clock alone.
_clocks: list[Callable[..., datetime.datetime | None]] = []


def public_views_register(*names: str) -> None:
    """Allow the pages of these views (resolver view names) in the cache."""
    _public_views.update(names)


def public_views() -> frozenset[str]:
    return frozenset(_public_views)


def follow_app(app_config, *, private: tuple = ()) -> None:
    """Every model of the app is public content: a save, deletion or
    many-to-many change drops every page (modeltranslation's fields are
    columns of the same rows: a translation edited is a save). ``private``:
    the app's rows no public page shows, whose churn leaves the cache
    alone. An app that follows nothing never drops a page."""
    generations.follow_app(app_config, key=GENERATION_KEY, private=private)


def follow(*models, when: Callable | None = None) -> None:
    """These models' changes drop every page; with ``when(instance)``, only
    the saves and deletions it accepts (a change no public page shows yet)."""
    for model in models:
        generations.follow(model, key=GENERATION_KEY, when=when)


def follow_signal(signal) -> None:
    """A signal that says public content changed in bulk (a batch of the
    search index) drops every page."""
    generations.follow_signal(signal, key=GENERATION_KEY)


def clock_register(next_change: Callable[..., datetime.datetime | None]) -> None:
    """``next_change(now=...)`` returns the first moment after ``now`` at
    which what a page shows changes by the clock alone (a registration
    window opening), or None."""
    if next_change not in _clocks:
        _clocks.append(next_change)


def next_clock_change(*, now: datetime.datetime) -> datetime.datetime | None:
    """The earliest of the registered clocks' next changes after ``now``."""
    moments = [moment for clock in _clocks if (moment := clock(now=now)) is not None]
    return min(moments) if moments else None


# --- Generation and invalidation -------------------------------------------------

def invalidate() -> None:
    """Every cached page is out of date: at once, or when the current
    transaction commits (so that no request renders the old rows again into
    the new generation). Several calls in one transaction bump once."""
    generations.invalidate_generation(GENERATION_KEY)


def current_generation() -> str:
    return generations.generation_of(GENERATION_KEY)


def watch_migrate(app_config) -> None:
    """A deployment (new templates, new URLs) runs migrate: no page of the
    previous release is served after it (CoreConfig.ready)."""
    generations.follow_migrate(app_config, key=GENERATION_KEY)


# --- Keys and rules ---------------------------------------------------------------

def may_look_up(request) -> bool:
    """An anonymous GET/HEAD: no session (so no signed-in user) and no
    pending messages."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or MESSAGES_COOKIE_NAME in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def page_key(request) -> str | None:
    """The entry's key, or None when the request's host is not allowed
    (the rest of the stack answers it)."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    language = translation.get_language_from_request(request, check_path=True)
    path = hashlib.md5(request.get_full_path().encode(), usedforsecurity=False).hexdigest()
    return f"pagecache:{request.scheme}:{host}:{language}:{timezone.localdate():%Y%m%d}:{path}"


def may_store(request, response) -> bool:
    # GET only: a view may answer HEAD with an empty body, which a later
    # GET must not receive.
    if request.method != "GET":
        return False
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in _public_views:
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in REFUSED_CACHE_CONTROL):
        return False
    vary = {h.strip().lower() for h in response.get("Vary", "").split(",") if h.strip()}
    return vary <= ALLOWED_VARY


def _etag(body: bytes) -> str:
    return f'"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'


# --- Middleware -------------------------------------------------------------------

class PageCacheMiddleware:
    """Serves and stores anonymous public pages (see the module's text).

    Sits after SecurityMiddleware, the CSP middleware and WhiteNoise (their
    headers apply to hits too; static files never reach the cache) and
    before the session, locale, CSRF and auth middleware, so that a hit
    costs one cache round trip and nothing else. Every non-streaming
    response it passes on leaves in one chunk (a feed built with many
    writes otherwise leaves in hundreds of socket writes)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        ttl = seconds()
        key = page_key(request) if ttl > 0 and may_look_up(request) else None
        if key is None:
            return _joined(self.get_response(request))
        try:
            found = _cache().get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY) or current_generation()
        except Exception:
            logger.exception("Page cache unavailable")
            return _joined(self.get_response(request))
        if generation is None:
            # The cache answered nothing (Redis down: core/cache.py
            # answers as a miss): the page is rendered from the database
            # and not stored.
            return _joined(self.get_response(request))
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            return _hit(request, entry)
        # The page is rendered in this generation: what it reads of the
        # public content may be kept in memory for as long as the generation
        # lasts (archive.selectors.filter_choices).
        request.content_generation = generation
        response = _joined(self.get_response(request))
        response["X-Cache"] = "miss"
        if not may_store(request, response):
            return response
        max_age = min(getattr(settings, "PAGE_CACHE_MAX_AGE", 60), ttl)
        patch_cache_control(response, public=True, max_age=max_age)
        # A shared cache between us and the visitor keys by cookies: a
        # signed-in visitor's request never receives this page from it.
        patch_vary_headers(response, ("Cookie",))
        body = response.content
        response["ETag"] = _etag(body)
        headers = tuple(item for item in response.items() if item[0] != "X-Cache")
        try:
            _cache().set(key, (generation, response.status_code, headers, body, time.time()), ttl)
        except Exception:
            logger.exception("Page cache unavailable")
        return get_conditional_response(request, etag=response["ETag"], response=response)


def _joined(response):
    if not response.streaming:
        response.content = response.content
    return response


def _hit(request, entry):
    _generation, status, headers, body, stored_at = entry
    response = HttpResponse(b"" if request.method == "HEAD" else body, status=status)
    for name, value in headers:
        response[name] = value
    response["Content-Length"] = str(len(body))
    response["Age"] = str(max(0, int(time.time() - stored_at)))
    response["X-Cache"] = "hit"
    return get_conditional_response(request, etag=response["ETag"], response=response)
