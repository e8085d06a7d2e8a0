"""Answers to membership's signals (connected in ``apps.py``). Receivers
read and never write: the secretariat decides what becomes of a term."""

from __future__ import annotations

from typing import Any

from membership.models import ParticipantState

from .services import chairmanship_inconsistencies


def chair_terms_after_membership_change(
    sender: Any, *, state: ParticipantState, **kwargs: Any
) -> list[str]:
    """``membership_history_changed``: the recorded and projected terms that
    the state's new history or rotation key made inconsistent, as translated
    warnings for the membership admin to show."""
    return chairmanship_inconsistencies(state=state)
