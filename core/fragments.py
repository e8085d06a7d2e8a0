"""Pieces of a page rendered once per language, day and content generation,
and kept in the pages cache (issue 25).

The page cache (core.pagecache) serves whole anonymous pages; what it cannot
serve is rendered in full on every request: a signed-in visitor's pages, and
the first request for each page after a change of content. Some pieces of
those pages are the same for everyone who sees them that day in that
language, and each costs queries: the home page's current chair, next
meetings, latest news, participant states; the latest documents, the same
for every visitor of one access circle. ``{% fragment %}`` (tag library
``fragments``) keeps such a piece:

- its key is the piece's name, the page's language, the Almaty date and
  whatever else it varies on (an access circle);
- the entry carries the content generation it was rendered in
  (core.generations, the page cache's own): a change of any public content
  makes every entry a miss, exactly when it makes the cached pages one;
- ``FRAGMENT_CACHE_SECONDS`` bounds an entry's life, for what changes with
  the clock alone (as ``PAGE_CACHE_SECONDS`` does for pages); unset, it
  follows ``PAGE_CACHE_SECONDS``; 0 turns the fragments off (the tests'
  settings, where a test's changes are rolled back and their on-commit
  bumps never run);
- a hit costs one cache round trip (the generation and the piece are read
  together) and no query; a cache that is down renders the piece, as if
  there were no cache.

Only pieces that depend on nothing but the content, the language, the day
and the given vary values may be kept: never a form (its CSRF token), never
anything of one user.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe

from . import generations, pagecache

T = TypeVar("T")


def seconds() -> int:
    """An entry's longest life; 0 turns the fragments off."""
    value = getattr(settings, "FRAGMENT_CACHE_SECONDS", None)
    return pagecache.seconds() if value is None else value


def key_of(name: str, vary: Iterable[object] = ()) -> str:
    language = translation.get_language() or settings.LANGUAGE_CODE
    parts = "\x1f".join(str(part) for part in vary)
    digest = hashlib.md5(parts.encode(), usedforsecurity=False).hexdigest()
    return f"fragment:{name}:{language}:{timezone.localdate():%Y%m%d}:{digest}"


# A query string's values longer than this are never kept.
KEPT_VALUE_LENGTH = 64


def query_key(query, parameters: frozenset[str] | set[str], *,
              repeatable: dict[str, int] | None = None) -> str | None:
    """What a page kept per query varies on, from its query string
    (a QueryDict), or None when the page must not be kept: a parameter
    not in ``parameters``, one given twice (but those of ``repeatable``,
    each value once, at most the given number of them), or a value longer
    than KEPT_VALUE_LENGTH could show in the page's links (a pager keeps
    the query string) and must not be kept for the next visitor. The key
    is percent-encoded, so that no value (a search for "a&year=2020") reads
    as another query's parameters."""
    if not set(query) <= parameters:
        return None
    repeatable = repeatable or {}
    lists = sorted(query.lists())
    for name, given in lists:
        most = repeatable.get(name, 1)
        if len(given) > most or len(set(given)) != len(given):
            return None
        if any(len(value) > KEPT_VALUE_LENGTH for value in given):
            return None
    return urlencode(lists, doseq=True) or "-"


def cached(name: str, render: Callable[[], str], *, vary: Iterable[object] = (),
           request=None) -> SafeString:
    """``render()``'s HTML, from the cache when it was rendered in the
    current content generation (same name, language, day and ``vary``)."""
    html = generations.cached(
        key_of(name, vary), render, generation_key=pagecache.GENERATION_KEY, seconds=seconds(),
        generation=getattr(request, "content_generation", None), keep=str,
    )
    return mark_safe(html)  # noqa: S308 - HTML we rendered (and stored) ourselves


def kept(name: str, compute: Callable[[], T], *, vary: Iterable[object] = (),
         request=None) -> T:
    """``compute()``'s value (rows a page reads beside its kept pieces: the
    plan a page shows, the rounds of a choice), kept as a piece is (same
    language, day, ``vary`` and content generation), so that a page whose
    pieces are kept asks the database for nothing. Only what every reader
    with the same ``vary`` may see, and what the cache can pickle."""
    return generations.cached(
        "value:" + key_of(name, vary), compute, generation_key=pagecache.GENERATION_KEY,
        seconds=seconds(), generation=getattr(request, "content_generation", None),
    )


# A kept response's headers that are the view's own; the middleware's
# (security headers, Vary, cookies) are added to each response anew.
UNKEPT_HEADERS = frozenset({"content-length", "vary", "set-cookie"})


def kept_response(name: str, parameters: frozenset[str] = frozenset()):
    """A view whose answer is the same for everyone (a feed, the sitemap):
    its 200 response (body and the view's headers) kept as a piece is, per
    address (path, query string within ``parameters``: ``query_key``, the
    portal's own address the links are written on), language, day and
    content generation. Any other answer (a 404, a redirect) is not kept.
    Only for views that read nothing of the visitor."""
    from django.http import HttpResponse

    from .links import base_url

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            key = query_key(request.GET, parameters) if request.method in ("GET", "HEAD") else None
            if key is None or seconds() <= 0:
                return view(request, *args, **kwargs)
            answered = {}

            def render():
                response = view(request, *args, **kwargs)
                if callable(getattr(response, "render", None)):
                    response = response.render()
                answered["response"] = response
                if response.status_code != 200 or response.streaming or response.cookies:
                    return None
                return (response.content, [(header, value) for header, value
                                           in response.headers.items()
                                           if header.lower() not in UNKEPT_HEADERS])

            kept_answer = kept(name, render, vary=[base_url(request), request.path, key],
                               request=request)
            if "response" in answered:
                return answered["response"]
            if kept_answer is None:
                return view(request, *args, **kwargs)
            content, headers = kept_answer
            response = HttpResponse(content)
            for header, value in headers:
                response.headers[header] = value
            return response

        return wrapped

    return decorator
