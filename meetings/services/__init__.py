"""Writes to meetings, by entity: the meeting with its agenda, outcomes and
documents (``meetings``), the registration of delegations, delegates and
observers (``registration``)."""

from .meetings import (
    SLUG_MAX,
    agenda_item_add,
    agenda_item_save,
    meeting_check_consistency,
    meeting_create,
    meeting_document_link,
    meeting_document_save,
    meeting_part_delete,
    meeting_save,
    meeting_slug_for,
    meeting_update,
    outcome_record,
    outcome_save,
)

__all__ = [
    "SLUG_MAX",
    "agenda_item_add",
    "agenda_item_save",
    "meeting_check_consistency",
    "meeting_create",
    "meeting_document_link",
    "meeting_document_save",
    "meeting_part_delete",
    "meeting_save",
    "meeting_slug_for",
    "meeting_update",
    "outcome_record",
    "outcome_save",
]
