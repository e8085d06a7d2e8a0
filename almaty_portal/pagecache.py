"""A full-page cache of anonymous visitors' public pages.

Hand-written rather than Django's UpdateCacheMiddleware/FetchFromCacheMiddleware,
which cannot drop every page at once when the content changes (they only
expire), key every visitor who carries a CSRF cookie apart (they honour
``Vary: Cookie`` by the Cookie header's value), and would store a page that
sets a cookie under our rules. Here:

- Only GET/HEAD requests without a session or messages cookie are looked up:
  such a visitor is anonymous, and nothing in the page depends on them.
- A page is stored only if its view is on the allow-list ``PUBLIC_VIEWS``
  (public pages, feeds, sitemap; never the admin, sign-in, registration,
  dashboards, downloads or forms), answered 200 without setting a cookie,
  is not streaming, is not marked private/no-store/no-cache and varies on
  nothing but Accept-Language, Cookie or Accept-Encoding. Searches (a
  ``q`` parameter) are stored too: popular ones repeat, and at archive scale
  a common word costs hundreds of milliseconds. Their keys are unbounded,
  so the cache's own eviction keeps them in bounds (Redis: maxmemory with
  volatile-lru; files: MAX_ENTRIES), and results follow the search index,
  whose writes send ``archive.signals.documents_indexed``.
- The key: scheme, host, full path with its query string, language, and the
  Almaty date (who chairs "today" changes at midnight). Every entry also
  carries the *generation* it was rendered in; a save or deletion of any
  public-content row (``watch_public_content``) sets a new generation when
  its transaction commits, and an entry of another generation is a miss.
  ``PAGE_CACHE_SECONDS`` bounds an entry's life, for what changes with the
  clock alone (a registration window opening at a given hour).
- A hit costs one cache round trip (the page and the generation are read
  together) and no database query.

The generation is a fresh unique token written with ``cache.set`` rather
than a counter bumped with ``cache.incr``: a set is atomic on every backend,
the file-based one included (where incr is a read then a write), and a
generation that was evicted or lost never starts again at a number that old
entries still carry.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import time

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
GENERATION_KEY = "pagecache:generation"

# Views whose anonymous pages are the same for every anonymous visitor, by
# resolver view name. An allow-list: a new view (a form, a dashboard, a
# download) stays uncached until someone decides it is public.
PUBLIC_VIEWS = frozenset({
    "home",
    "about",
    "membership:state_list",
    "membership:state_detail",
    "membership:observer_list",
    "chairmanship:overview",
    "meetings:meeting_list",
    "meetings:meeting_detail",
    "meetings:feed_rss",
    "meetings:feed_atom",
    "meetings:calendar_feed",
    "meetings:meeting_ics",
    "archive:document_list",
    "archive:document_detail",
    "archive:feed_rss",
    "archive:feed_atom",
    "content:news_list",
    "content:news_detail",
    "content:news_feed_rss",
    "content:news_feed_atom",
    "content:partner_list",
    "content:project_list",
    "content:project_detail",
    "actionplan:plan",
    "actionplan:plan_version",
    "actionplan:progress",
    "django.contrib.sitemaps.views.sitemap",
    "almaty_portal.views.robots_txt",
    "search",
})

# The cookie django.contrib.messages' cookie storage uses (fixed by Django).
MESSAGES_COOKIE_NAME = "messages"
ALLOWED_VARY = frozenset({"accept-language", "cookie", "accept-encoding"})
REFUSED_CACHE_CONTROL = ("private", "no-store", "no-cache")


def seconds() -> int:
    """How long a page stays cached; 0 turns the cache off."""
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def _cache():
    return caches[CACHE_ALIAS]


# --- Generation and invalidation -------------------------------------------------

def _new_generation() -> str:
    return f"{time.time_ns():x}.{secrets.token_hex(4)}"


def _bump() -> None:
    try:
        _cache().set(GENERATION_KEY, _new_generation(), None)
    except Exception:
        # A save must not fail because the cache is away; pages cached
        # before it expire after PAGE_CACHE_SECONDS.
        logger.exception("Could not invalidate the page cache")


def invalidate() -> None:
    """Every cached page is out of date: at once, or when the current
    transaction commits (so that no request renders the old rows again into
    the new generation). Several calls in one transaction bump once."""
    _once_on_commit(_bump)


def _once_on_commit(bump) -> None:
    """``bump()`` when the current transaction commits (at once outside
    one), once however many changes the transaction makes."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        bump()
        return
    if not any(func is bump for _sids, func, _robust in connection.run_on_commit):
        transaction.on_commit(bump, robust=True)


def current_generation() -> str:
    return generation_of(GENERATION_KEY)


# Other generations, kept in the same store and bumped the same way, for
# caches of signed-in pages that follow other rows than the anonymous pages
# (a coordinator's dashboard follows the delegations, and not the archive:
# meetings/dashboard_cache.py). One bump function per key, so that several
# changes in one transaction bump once.
_bumpers: dict = {}


def generation_of(key: str) -> str:
    """The current generation token stored under ``key`` (made if missing)."""
    cache = _cache()
    generation = cache.get(key)
    if generation is None:
        cache.add(key, _new_generation(), None)
        generation = cache.get(key)
    return generation


def invalidate_generation(key: str) -> None:
    """What ``invalidate()`` does for the page generation, for the token
    under ``key``: a new one when the current transaction commits (at once
    outside one), once per transaction."""
    bump = _bumpers.get(key)
    if bump is None:
        def bump():
            try:
                _cache().set(key, _new_generation(), None)
            except Exception:
                logger.exception("Could not invalidate %s", key)
        bump = _bumpers.setdefault(key, bump)
    _once_on_commit(bump)


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
    if match is None or match.view_name not in PUBLIC_VIEWS:
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
            # The cache answered nothing (Redis down: almaty_portal/cache.py
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


# --- What invalidates -------------------------------------------------------------

# Apps whose rows public pages show; every model of theirs invalidates on
# save, delete and many-to-many change (modeltranslation's fields are
# columns of the same rows: a translation edited is a save).
PUBLIC_CONTENT_APPS = (
    "membership", "chairmanship", "meetings", "archive", "content", "actionplan",
    "briefings", "almaty_portal",
)
# Rows no public page shows (users' logins, contact messages, invitation
# links), left out so their churn leaves the cache alone.
PRIVATE_MODELS = frozenset({
    "membership.user", "content.contactmessage", "meetings.observerinvitation",
    # The search index's term weights, rewritten in bulk by the indexing,
    # which sends archive.signals.documents_indexed once per batch instead.
    # A receiver here would also cost every reindex Django's fast delete
    # (it would fetch each row to send post_delete).
    "archive.documentterm",
})
# Registration rows: a public meeting page names the states and
# organisations whose delegations were submitted (and a public proceedings
# pack may be marked out of date by a delegate's change) only once its
# registration has closed; the busy weeks of registration before that
# leave the cache alone.
REGISTRATION_MODELS = frozenset({"meetings.delegation", "meetings.delegate"})


def _on_change(sender, **kwargs):
    invalidate()


def _on_m2m_change(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        invalidate()


def _on_registration_change(sender, instance, **kwargs):
    from meetings.models import Meeting
    from meetings.selectors import registration_has_closed

    meeting = (
        Meeting.objects.filter(pk=instance.meeting_id).only("status", "registration_closes").first()
    )
    if meeting is None or registration_has_closed(meeting):
        invalidate()


def _on_migrate(sender, **kwargs):
    # A deployment (new templates, new URLs) runs migrate: no page of the
    # previous release is served after it.
    invalidate()


def watch_public_content(app_config) -> None:
    """Connect the receivers (PortalConfig.ready), by app label: the apps
    never import almaty_portal."""
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
    from simple_history.models import HistoricalChanges

    from archive.signals import documents_indexed

    for label in PUBLIC_CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            name = model._meta.label_lower
            if name in PRIVATE_MODELS or issubclass(model, HistoricalChanges):
                continue
            receiver = _on_registration_change if name in REGISTRATION_MODELS else _on_change
            post_save.connect(receiver, sender=model, dispatch_uid=f"pagecache:save:{name}")
            post_delete.connect(receiver, sender=model, dispatch_uid=f"pagecache:delete:{name}")
            for field in model._meta.local_many_to_many:
                through = field.remote_field.through
                m2m_changed.connect(
                    _on_m2m_change, sender=through,
                    dispatch_uid=f"pagecache:m2m:{through._meta.label_lower}",
                )
    post_migrate.connect(_on_migrate, sender=app_config, dispatch_uid="pagecache:migrate")
    documents_indexed.connect(_on_change, dispatch_uid="pagecache:documents_indexed")
