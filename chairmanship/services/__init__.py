"""Writes and the rotation of the chairmanship, by entity: ``rotation``
(proposing and projecting terms, the history, what a membership change made
inconsistent), ``terms`` (recording and changing terms) and
``declinations`` (declined turns). Import from here."""

from .declinations import (
    TURNS_AHEAD,
    turn_declination_update,
    turn_declination_validate,
    turn_decline,
)
from .rotation import (
    PROJECTED_TERMS,
    HistoryEntry,
    Proposal,
    Skip,
    Term,
    chairmanship_history,
    chairmanship_inconsistencies,
    chairmanship_project,
    chairmanship_propose_next,
)
from .terms import (
    chairmanship_create,
    chairmanship_create_from_proposal,
    chairmanship_terms_lock,
    chairmanship_update,
    chairmanship_validate,
)

__all__ = [
    "PROJECTED_TERMS",
    "TURNS_AHEAD",
    "HistoryEntry",
    "Proposal",
    "Skip",
    "Term",
    "chairmanship_create",
    "chairmanship_create_from_proposal",
    "chairmanship_history",
    "chairmanship_inconsistencies",
    "chairmanship_project",
    "chairmanship_propose_next",
    "chairmanship_terms_lock",
    "chairmanship_update",
    "chairmanship_validate",
    "turn_declination_update",
    "turn_declination_validate",
    "turn_decline",
]
