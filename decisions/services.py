"""Writes of the decisions register: follow-up items.

Rules (each with a test, tests/decisions/test_services.py):
- a follow-up is due on or after the day its outcome was adopted, and names
  a state exactly when a participant state carries it out
  (``FollowUpItem.clean``);
- staff record and change every item (the admin: ``follow_up_save``);
- a national coordinator updates only the items of the state they
  coordinate today (``membership.permissions.can_act_for_state``): status,
  note, and evidence among the archive documents they may see
  (``follow_up_report``).
The packs that report on an item are told by ``decisions.signals``, whatever
wrote the change."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from archive.models import Document
from archive.selectors import documents_visible_to
from membership.permissions import can_act_for_state

from .enums import FollowUpStatus, Responsible
from .models import FollowUpItem


def _next_position(outcome_id: int) -> int:
    last = (
        FollowUpItem.objects.filter(outcome_id=outcome_id).order_by("-position")
        .values_list("position", flat=True).first()
    )
    return (last or 0) + 1


def follow_up_save(*, item: FollowUpItem, user=None) -> FollowUpItem:
    """Record or change a follow-up item (staff)."""
    if item.pk is None and not item.position:
        item.position = _next_position(item.outcome_id)
    item.full_clean()
    with transaction.atomic():
        if user is not None and user.is_authenticated:
            item.updated_by = item._history_user = user
        item.save()
    return item


def follow_up_report(*, item: FollowUpItem, user, status: str, note: str,
                     evidence: Document | None = None) -> FollowUpItem:
    """A coordinator's update of their state's item: the status, the note,
    and one more piece of evidence (a document the user may see)."""
    if item.responsible != Responsible.STATE or item.state is None or not (
        can_act_for_state(user, item.state)
    ):
        raise PermissionDenied(_("You may update only your own state's follow-up items."))
    if status not in FollowUpStatus.values:
        raise ValidationError({"status": _("Choose one of the statuses.")}, code="status")
    if evidence is not None and not documents_visible_to(user=user).filter(
        pk=evidence.pk
    ).exists():
        raise ValidationError(
            {"evidence_link": _("You may not give as evidence a document you cannot see.")},
            code="evidence_hidden",
        )
    with transaction.atomic():
        locked = FollowUpItem.objects.select_for_update().get(pk=item.pk)
        locked.status, locked.note = status, note
        locked.updated_by = locked._history_user = user
        locked.full_clean()
        locked.save()
        if evidence is not None:
            locked.evidence.add(evidence)
    return locked
