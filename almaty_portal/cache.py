"""The Redis cache backend, with one client per connection pool.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for
every cache operation, and each one fills its table of about 170 response
callbacks (~60 µs of Python). An archive search makes five cache operations
(the page cache, the demo flag, the index version, the words' frequencies,
the page stored): the clients alone cost more than a round trip to a local
Redis. A ``redis.Redis`` is safe to share between threads (it takes a
connection from its pool for each command) and its pool reconnects after a
fork, so one client per pool is kept here.
"""

from __future__ import annotations

import threading

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


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


class RedisCache(DjangoRedisCache):
    """``django.core.cache.backends.redis.RedisCache``, reusing its clients."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ClientPerPoolCacheClient
