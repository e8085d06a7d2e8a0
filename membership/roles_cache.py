"""A signed-in user's roles, kept in the shared cache (issue 25).

``permissions.roles_of`` asks two queries of every signed-in request (the
national coordinator's term in office today, the focal point's), although
they change only when the secretariat edits a term, a membership period or
an organisation, or at midnight in Almaty. So the roles are kept per user,
Almaty date, staff flag and active flag, under the generation token
``GENERATION_KEY`` (core.generations), set anew on commit by any save,
deletion or many-to-many change of the rows they are read from. An entry
of an older generation is never used: an ended term or a withdrawn state
takes effect on the next request, as it did without the cache.

A hit costs one cache round trip. A cache that is down answers nothing: the
roles are read from the database, as without the cache. An entry lives at
most ``ROLES_CACHE_SECONDS`` (unset: ``PAGE_CACHE_SECONDS``, at most
``MAX_SECONDS``), which bounds the life of an entry whose generation could
not be bumped while the cache was away; 0 turns the cache off (the tests'
settings, where a test's changes are rolled back and their on-commit bumps
never run).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.utils import timezone

from core import generations

GENERATION_KEY = "roles:generation"
# Part of every entry's key: a release that changes the Roles class changes it.
ENTRY_VERSION = "1"
MAX_SECONDS = 300


def seconds() -> int:
    value = getattr(settings, "ROLES_CACHE_SECONDS", None)
    if value is None:
        value = min(getattr(settings, "PAGE_CACHE_SECONDS", 0), MAX_SECONDS)
    return max(value, 0)


def follow_models(*models) -> None:
    """The rows a user's roles are read from (membership.apps)."""
    for model in models:
        generations.follow(model, key=GENERATION_KEY)


def key_for(user) -> str:
    return ":".join((
        "roles", ENTRY_VERSION, str(user.pk), "staff" if user.is_staff else "user",
        "active" if user.is_active else "inactive", f"{timezone.localdate():%Y%m%d}",
    ))


def cached_roles(user, compute: Callable[[], object]):
    """``compute()``'s roles for ``user``, from the cache while nothing they
    are read from has changed."""
    return generations.cached(key_for(user), compute, generation_key=GENERATION_KEY,
                              seconds=seconds())
