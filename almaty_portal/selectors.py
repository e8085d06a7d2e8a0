"""Reads of the project-level app."""

from django.core.cache import cache

from .models import DemoData

DEMO_DATA_CACHE_KEY = "portal:demo-data"
DEMO_DATA_CACHE_SECONDS = 3600


def demo_data_loaded() -> bool:
    """Whether the database holds the demo data; one query an hour per
    cache (Redis: per deployment), none on the other requests."""
    loaded = cache.get(DEMO_DATA_CACHE_KEY)
    if loaded is None:
        loaded = DemoData.objects.exists()
        cache.set(DEMO_DATA_CACHE_KEY, loaded, DEMO_DATA_CACHE_SECONDS)
    return loaded
