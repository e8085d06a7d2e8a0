"""The Redis cache backend (core.cache), on the tests' real Redis:
it behaves as Django's, and keeps one client per connection pool instead of
building one per operation."""

from __future__ import annotations

import os
import threading
import time
import uuid

import pytest
import redis

from core.cache import RedisCache
from tests.conftest import unavailable


@pytest.fixture
def cache():
    url = os.environ.get("REDIS_URL")
    if not url:
        unavailable("needs Redis (the test plugin starts it)")
    prefix = f"test-cache-{uuid.uuid4().hex}"
    backend = RedisCache(url, {"KEY_PREFIX": prefix})
    yield backend
    client = backend._cache.get_client(write=True)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_values_round_trip_as_with_djangos_backend(cache):
    assert cache.add("generation", "g1", None)
    assert not cache.add("generation", "g2", None)
    cache.set("page", ("g1", 200, (("Content-Type", "text/html"),), "Привет".encode()), 60)
    cache.set_many({"a": 1, "b": [2]}, 60)

    assert cache.get_many(["generation", "page", "a", "b", "missing"]) == {
        "generation": "g1",
        "page": ("g1", 200, (("Content-Type", "text/html"),), "Привет".encode()),
        "a": 1, "b": [2],
    }
    assert cache.incr("a") == 2
    cache.delete("page")
    assert cache.get("page", "gone") == "gone"


def test_one_client_serves_every_operation_and_thread(cache, monkeypatch):
    built = []
    original = redis.Redis.__init__

    def counting(self, *args, **kwargs):
        built.append(self)
        time.sleep(0.05)  # a slow first build: the other threads arrive meanwhile
        original(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counting)
    seen = []
    # All four start together, so their first operations race for the client.
    start = threading.Barrier(4)

    def work(n):
        start.wait()
        for i in range(20):
            cache.set(f"k{n}-{i}", i, 60)
            seen.append(cache.get(f"k{n}-{i}"))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(seen) == sorted(list(range(20)) * 4)
    assert len(built) == 1


def test_a_cache_disconnected_closes_its_sockets_and_connects_again_when_used(cache):
    cache.set("k", "v")
    pools = list(cache._cache._pools.values())
    assert any(pool._available_connections for pool in pools)

    cache.disconnect()

    assert all(conn._sock is None for pool in pools for conn in pool._available_connections)
    assert cache.get("k") == "v"  # the pool connects again
