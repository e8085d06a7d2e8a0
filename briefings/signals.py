"""A built pack goes out of date when what it was built from changes: the
meeting's agenda and outcomes, its registered delegations, and the
documents selected for the pack. Receivers only flag the packs (one UPDATE)
and queue their rebuild for after a quiet period (briefings.freshness);
meetings knows nothing of them."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from meetings.hooks import pack_contents_changed
from meetings.models import (
    AgendaItem,
    Delegate,
    Delegation,
    MeetingDocument,
    MeetingOutcome,
)

from .freshness import packs_mark_stale
from .models import PackDocument

WATCHED = (AgendaItem, MeetingOutcome, MeetingDocument, PackDocument, Delegation, Delegate)


def mark_stale(sender, instance, **kwargs):
    # Every watched row carries its meeting (a delegate's is denormalised).
    if instance.meeting_id is not None:
        packs_mark_stale(meeting_id=instance.meeting_id)


for _model in WATCHED:
    post_save.connect(mark_stale, sender=_model, dispatch_uid=f"briefings_stale_{_model.__name__}")
    post_delete.connect(mark_stale, sender=_model,
                        dispatch_uid=f"briefings_stale_del_{_model.__name__}")


def mark_packs_stale(sender, meeting_ids, **kwargs):
    """An app above meetings changed rows that a pack panel shows
    (meetings.hooks: the follow-up report, the work plan)."""
    for meeting_id in sorted(set(meeting_ids)):
        packs_mark_stale(meeting_id=meeting_id)


pack_contents_changed.connect(mark_packs_stale, dispatch_uid="briefings_stale_pack_contents")
