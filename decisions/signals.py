"""A Senior Officials' Meeting's pack reports on the follow-up of the
outcomes adopted before it (decisions.panels): when an item, its evidence
or its outcome changes, the packs of the coming SOMs that report on it are
told (meetings.hooks.pack_contents_changed), whatever wrote the change
(services, the admin, the demo)."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from meetings.hooks import pack_contents_changed
from meetings.models import MeetingOutcome

from .models import FollowUpItem
from .selectors import soms_reporting_on


def _tell(outcome_id: int | None) -> None:
    adopted_on = (
        MeetingOutcome.objects.filter(pk=outcome_id).values_list("adopted_on", flat=True).first()
    )
    if adopted_on is None:
        return
    meeting_ids = soms_reporting_on(adopted_on=adopted_on)
    if meeting_ids:
        pack_contents_changed.send(sender=FollowUpItem, meeting_ids=meeting_ids)


def item_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _tell(instance.outcome_id)


def evidence_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, FollowUpItem):
        _tell(instance.outcome_id)


def outcome_changed(sender, instance, raw=False, **kwargs):
    # The report quotes the outcome: only one that asks for action matters.
    if not raw and instance.pk and FollowUpItem.objects.filter(outcome_id=instance.pk).exists():
        _tell(instance.pk)


post_save.connect(item_changed, sender=FollowUpItem, dispatch_uid="decisions_item_saved")
post_delete.connect(item_changed, sender=FollowUpItem, dispatch_uid="decisions_item_deleted")
m2m_changed.connect(evidence_changed, sender=FollowUpItem.evidence.through,
                    dispatch_uid="decisions_item_evidence")
post_save.connect(outcome_changed, sender=MeetingOutcome, dispatch_uid="decisions_outcome_saved")
