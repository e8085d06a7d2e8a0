"""Writes of the project-level app."""

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from .models import DemoData
from .selectors import DEMO_DATA_CACHE_KEY, DEMO_DATA_CACHE_SECONDS


def demo_data_mark() -> DemoData:
    """Record that this database holds the demo data (idempotent: one row,
    its date refreshed); the pages say so from the next request."""
    with transaction.atomic():
        marker = DemoData.objects.select_for_update().first()
        if marker is None:
            marker = DemoData.objects.create()
        else:
            marker.loaded_at = timezone.now()
            marker.save(update_fields=["loaded_at"])
        transaction.on_commit(
            lambda: cache.set(DEMO_DATA_CACHE_KEY, True, DEMO_DATA_CACHE_SECONDS)
        )
    return marker
