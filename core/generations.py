"""Named generations: a token in the shared cache that says which cached
entries are still current, set anew when the rows they were rendered from
change.

Two caches use them: the anonymous pages (``core.pagecache``, the generation
``pagecache:generation``) and the registering party's dashboard
(``meetings.dashboard_cache``, ``dashboard:generation``). Each follows other
rows, so each has its own token; both are read, bumped and connected to the
models' signals by the functions here, so that the two behave alike.

A generation is a fresh unique token written with ``cache.set`` rather than
a counter bumped with ``cache.incr``: a set is atomic on every backend, the
file-based one included (where incr is a read then a write), and a
generation that was evicted or lost never starts again at a number that old
entries still carry.

A change bumps when its transaction commits (at once outside one), so that
no request renders the old rows again into the new generation, and once
however many rows the transaction changes. A save must not fail because the
cache is away: a bump that cannot be written is logged, and the entries
cached before it expire by their own timeout.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import caches
from django.db import transaction

logger = logging.getLogger(__name__)

T = TypeVar("T")

# The store of the pages, the dashboards and their generations (settings:
# CACHES["pages"]).
CACHE_ALIAS = "pages"

# One bump function per key, so that several changes in one transaction
# bump once (the on-commit callbacks are compared by identity).
_bumpers: dict[str, Callable[[], None]] = {}


def cache():
    return caches[CACHE_ALIAS]


def new_generation() -> str:
    return f"{time.time_ns():x}.{secrets.token_hex(4)}"


def generation_of(key: str) -> str:
    """The current generation token stored under ``key`` (made if missing)."""
    store = cache()
    generation = store.get(key)
    if generation is None:
        store.add(key, new_generation(), None)
        generation = store.get(key)
    return generation


def cached(key: str, compute: Callable[[], T], *, generation_key: str, seconds: int,
           generation: str | None = None, keep: Callable[[T], object] | None = None) -> T:
    """``compute()``'s value, from the shared cache under ``key`` when it was
    stored in the current generation of ``generation_key`` (``generation``:
    that token already read by the caller). The token is read with the
    entry, in one round trip, and before the rows: a change committed
    meanwhile leaves the new entry under the older generation, never used.
    ``keep(value)`` is what is stored (the value itself by default).
    ``seconds`` bounds an entry's life, for what a bump could not reach
    while the cache was away; 0 computes every time. A cache that is down
    computes and keeps nothing. The pieces of pages (core.fragments) and a
    user's roles (membership.roles_cache) are kept this way."""
    if seconds <= 0:
        return compute()
    store = cache()
    try:
        found = store.get_many([generation_key, key])
        current = generation or found.get(generation_key) or generation_of(generation_key)
    except Exception:
        logger.exception("Cache unavailable for %s", key)
        return compute()
    if current is None:
        return compute()  # the cache answered nothing (down): compute, keep nothing
    entry = found.get(key)
    if entry is not None and entry[0] == current:
        return entry[1]
    value = compute()
    try:
        store.set(key, (current, value if keep is None else keep(value)), seconds)
    except Exception:
        logger.exception("Cache unavailable for %s", key)
    return value


def bumper(key: str) -> Callable[[], None]:
    """The one function that sets a new token under ``key`` (at once)."""
    bump = _bumpers.get(key)
    if bump is None:
        def bump():
            try:
                cache().set(key, new_generation(), None)
            except Exception:
                logger.exception("Could not invalidate %s", key)
        bump = _bumpers.setdefault(key, bump)
    return bump


def invalidate_generation(key: str) -> None:
    """Every entry of the generation under ``key`` is out of date: a new
    token when the current transaction commits (at once outside one), once
    per transaction."""
    bump = bumper(key)
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        bump()
        return
    if not any(func is bump for _sids, func, _robust in connection.run_on_commit):
        transaction.on_commit(bump, robust=True)


# --- Following rows ---------------------------------------------------------------

# The receivers, one per (key, condition), held here: signals keep weak
# references, and a condition's receiver is made here.
_receivers: dict[tuple[str, Callable | None], tuple[Callable, Callable]] = {}


def _receivers_of(key: str, when: Callable | None) -> tuple[Callable, Callable]:
    found = _receivers.get((key, when))
    if found is not None:
        return found

    def on_change(sender, instance=None, **kwargs):
        if when is None or when(instance):
            invalidate_generation(key)

    def on_m2m_change(sender, action, **kwargs):
        if action in ("post_add", "post_remove", "post_clear"):
            invalidate_generation(key)

    return _receivers.setdefault((key, when), (on_change, on_m2m_change))


def follow(model, *, key: str, when: Callable | None = None) -> None:
    """A save, deletion or many-to-many change of ``model``'s rows bumps the
    generation under ``key`` (on commit). ``when(instance)``, if given,
    decides for saves and deletions (a change that shows nowhere yet leaves
    the entries alone); many-to-many changes always bump. Models
    simple_history makes (an edit's past versions) are never followed: their
    row is written with the edit, which is followed already. Following a
    model twice under one key keeps the first connection."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from simple_history.models import HistoricalChanges

    if issubclass(model, HistoricalChanges):
        return
    on_change, on_m2m_change = _receivers_of(key, when)
    name = model._meta.label_lower
    post_save.connect(on_change, sender=model, dispatch_uid=f"{key}:save:{name}")
    post_delete.connect(on_change, sender=model, dispatch_uid=f"{key}:delete:{name}")
    for field in model._meta.local_many_to_many:
        through = field.remote_field.through
        m2m_changed.connect(
            on_m2m_change, sender=through,
            dispatch_uid=f"{key}:m2m:{through._meta.label_lower}",
        )


def follow_app(app_config, *, key: str, private: tuple = ()) -> None:
    """``follow`` every model of the app but those in ``private`` (rows the
    cached entries never show, whose churn must leave them alone)."""
    for model in app_config.get_models():
        if model not in private:
            follow(model, key=key)


def follow_signal(signal, *, key: str) -> None:
    """A custom signal that says the rows an entry shows changed in a way
    no model signal does (a batch written in bulk) bumps ``key``."""
    on_change, _on_m2m_change = _receivers_of(key, None)
    signal.connect(on_change, dispatch_uid=f"{key}:signal:{id(signal)}")


def follow_migrate(app_config, *, key: str) -> None:
    """A deployment (new templates, new URLs) runs migrate: no entry of the
    previous release is used after it. ``app_config`` is the sender the
    receiver waits for, so that one migrate bumps once."""
    from django.db.models.signals import post_migrate

    on_change, _on_m2m_change = _receivers_of(key, None)
    post_migrate.connect(on_change, sender=app_config, dispatch_uid=f"{key}:migrate")
