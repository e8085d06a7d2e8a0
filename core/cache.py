"""The Redis cache backend, with one client per connection pool.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for
every cache operation, and each one fills its table of about 170 response
callbacks (~60 µs of Python). An archive search makes five cache operations
(the page cache, the demo flag, the index version, the words' frequencies,
the page stored): the clients alone cost more than a round trip to a local
Redis. A ``redis.Redis`` is safe to share between threads (it takes a
connection from its pool for each command) and its pool reconnects after a
fork, so one client per pool is kept here.

It also fails soft (issue 22: a Redis outage took every page down). A cache
is an optimisation: when Redis cannot be reached, a read is a miss, a write
is dropped, ``add``/``delete``/``touch``/``has_key`` answer False, and
``incr``/``decr`` raise ``CacheUnavailable`` (a ``ValueError``, as for a
missing key, so code that starts a missing counter afresh goes on; the
throttles catch it first and decide: membership/throttle.py). Each failure
is logged once per outage, and the server is then left alone for
``RETRY_AFTER`` seconds (an option, default 5), so that no request waits for
a connect timeout while Redis is known to be down; the socket timeouts are
short (``socket_connect_timeout`` 0.5 s, ``socket_timeout`` 1 s, overridable
in ``OPTIONS``).

A write or deletion that failed may leave an older value on the server (an
unreachable Redis may come back with its data: a signed-out session, a page
generation not bumped). So the keys of failed writes and deletions are
remembered (per process, up to ``MAX_FORGOTTEN`` of them) and deleted first
thing when the server answers again, before any read is served from it.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0
MAX_FORGOTTEN = 10_000
SOCKET_DEFAULTS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}


class CacheUnavailable(ValueError):  # noqa: N818 (reads as what happened)
    """The cache server could not be reached; raised by ``incr``/``decr``
    only (every other operation answers as a miss)."""


class _ServerState:
    """What this process knows of one server (shared by every thread's
    cache object: Django keeps one per thread)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.unsynced: set[str] = set()
        self.overflowed = False


_states: dict[str, _ServerState] = {}
_states_lock = threading.Lock()


def _state_for(location: str) -> _ServerState:
    state = _states.get(location)
    if state is None:
        with _states_lock:
            state = _states.setdefault(location, _ServerState())
    return state


class _ClientPerPoolCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._lock = threading.Lock()

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            # Threads that all miss at first build one pool and one client
            # between them (Django's pool table has no lock of its own).
            with self._lock:
                client = self._clients.get(index)
                if client is None:
                    pool = self._get_connection_pool(write)
                    client = self._clients[index] = self._client(connection_pool=pool)
        return client


# Every RedisCache made in this process (weakly): see RedisCache.disconnect.
_instances: weakref.WeakSet = weakref.WeakSet()


def instances() -> list:
    return list(_instances)


class RedisCache(DjangoRedisCache):
    """``django.core.cache.backends.redis.RedisCache``, reusing its clients
    and failing soft (see the module's text)."""

    def __init__(self, server, params):
        options = {**SOCKET_DEFAULTS, **params.get("OPTIONS", {})}
        self.retry_after = float(options.pop("RETRY_AFTER", RETRY_AFTER))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = _ClientPerPoolCacheClient
        self._state = _state_for(server if isinstance(server, str) else ",".join(server))
        _instances.add(self)

    def disconnect(self) -> None:
        """Close this cache's connections to Redis (its pools reconnect if it
        is used again). For a cache dropped while still connected: the tests'
        settings swap caches, and a dropped cache's sockets would otherwise
        be closed whenever the garbage collector gets to them."""
        client = self.__dict__.get("_cache")  # made on first use (a cached property)
        for pool in list(getattr(client, "_pools", {}).values()):
            pool.disconnect()

    # --- Availability -------------------------------------------------------------

    def is_available(self) -> bool:
        """False while a recent failure says the server is down."""
        return time.monotonic() >= self._state.down_until

    def _remember(self, keys) -> None:
        state = self._state
        with state.lock:
            if len(state.unsynced) + len(keys) > MAX_FORGOTTEN:
                state.overflowed = True
            else:
                state.unsynced.update(keys)

    def _failed(self, exc: Exception, keys=()) -> None:
        state = self._state
        if keys:
            self._remember(keys)
        with state.lock:
            if not isinstance(exc, (RedisConnectionError, RedisTimeoutError)):
                logger.warning("Cache error on %s: %r", self._servers, exc)
                return
            was_up = time.monotonic() >= state.down_until
            state.down_until = time.monotonic() + self.retry_after
        if was_up:
            logger.warning(
                "Cache server %s unavailable (%r): serving without it, next try in %s s",
                self._servers, exc, self.retry_after,
            )

    def _resync(self) -> None:
        """Delete what this process failed to write or delete, before the
        server is used again. Raises the server's error if it still fails."""
        state = self._state
        with state.lock:
            keys, overflowed = list(state.unsynced), state.overflowed
        if keys:
            self._cache.delete_many(keys)
        with state.lock:
            state.unsynced.difference_update(keys)
            if overflowed:
                state.overflowed = False
        if keys or overflowed:
            logger.warning(
                "Cache server %s is back: %d keys written during the outage deleted%s",
                self._servers, len(keys),
                " (more were lost: entries may be stale until they expire)" if overflowed else "",
            )

    def _guarded(self, default, operation, *args, keys=(), raises=False):
        """``operation(*args)`` on the server, or ``default`` (``raises``:
        CacheUnavailable) when it cannot be reached. ``keys`` (made keys)
        are what the operation writes or deletes."""
        if not self.is_available():
            if keys:
                self._remember(keys)
            if raises:
                raise CacheUnavailable(f"cache server {self._servers} unavailable")
            return default
        try:
            if self._state.unsynced or self._state.overflowed:
                self._resync()
            return operation(*args)
        except RedisError as exc:
            self._failed(exc, keys)
            if raises:
                raise CacheUnavailable(f"cache server {self._servers} unavailable") from exc
            return default

    # --- Django's operations, guarded -------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._guarded(False, self._cache.add, key, value, self.get_backend_timeout(timeout),
                             keys=(key,))

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._guarded(default, self._cache.get, key, default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        self._guarded(None, self._cache.set, key, value, self.get_backend_timeout(timeout),
                      keys=(key,))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._guarded(False, self._cache.touch, key, self.get_backend_timeout(timeout))

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._guarded(False, self._cache.delete, key, keys=(key,))

    def get_many(self, keys, version=None):
        key_map = {self.make_and_validate_key(key, version=version): key for key in keys}
        found = self._guarded({}, self._cache.get_many, key_map.keys())
        return {key_map[k]: v for k, v in found.items()}

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._guarded(False, self._cache.has_key, key)

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._guarded(None, self._cache.incr, key, delta, raises=True)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        if not data:
            return []
        safe_data = {self.make_and_validate_key(key, version=version): value
                     for key, value in data.items()}
        self._guarded(None, self._cache.set_many, safe_data, self.get_backend_timeout(timeout),
                      keys=tuple(safe_data))
        return []

    def delete_many(self, keys, version=None):
        if not keys:
            return
        safe_keys = [self.make_and_validate_key(key, version=version) for key in keys]
        self._guarded(None, self._cache.delete_many, safe_keys, keys=tuple(safe_keys))

    def clear(self):
        return self._guarded(False, self._cache.clear)
