"""Corrections to a recorded state (names, codes, rotation key)."""

from __future__ import annotations

from django.db import transaction

from ..models import ParticipantState
from .common import integrity_errors_as_validation, lock_state, membership_history_changed_notify


def state_save(*, state: ParticipantState) -> list[str]:
    """Save corrections to a recorded state (names, codes, rotation key).
    A changed rotation key moves the state in the rotation of the
    chairmanship: the other apps hear of it, and their warnings are returned."""
    with integrity_errors_as_validation(), transaction.atomic():
        stored = lock_state(state)
        state.full_clean()
        state.save()
    if stored.rotation_key != state.rotation_key:
        return membership_history_changed_notify(state=state)
    return []
