"""Keeping briefing packs up to date (issue 24, item 3): a pack goes out
of date when what it was built from changes, and is built again by itself
once its contents have stopped changing for BRIEFING_REBUILD_DEBOUNCE
seconds (a quiet period), not on every save.

How the rebuild is debounced, and why it survives a lost message:
- every change stamps the meeting's built packs (``stale``, ``changed_at``:
  one UPDATE) and, once its transaction commits, queues
  ``briefings.rebuild_stale_packs`` for that meeting and stamp with a
  countdown of the quiet period;
- when the message arrives, a pack whose ``changed_at`` is still that stamp
  had no change since: it is built again (``pack_request``). A pack changed
  since carries a later stamp, whose own message comes later: the earlier
  one does nothing. So the last change wins, whatever the clocks say;
- beat sweeps every minute for out-of-date packs quiet for longer than the
  period (a message lost with the broker, a worker restarted);
- a pack being built when its message arrives is looked at again a quiet
  period later (its build keeps it out of date when the change came while
  it worked: ``briefings.services._finish``);
- a rebuild that failed is not tried again by itself until the contents
  change again (or the secretariat builds it by hand): a pack that cannot
  be built is not retried every minute.

The old file stays downloadable meanwhile, marked out of date wherever it
is offered (briefings' templates, the download view), so no delegation is
left without a pack while the new one is prepared."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from core.tasking import send_on_commit

from .enums import PackStatus
from .models import BriefingPack
from .services import pack_request

REBUILD_TASK = "briefings.rebuild_stale_packs"
BUSY = (PackStatus.QUEUED, PackStatus.RUNNING)
# Added to the countdown: a worker whose clock runs a little behind still
# finds the quiet period over (the stamp decides anyway; beat is the net).
MARGIN_SECONDS = 1


def quiet_period() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.BRIEFING_REBUILD_DEBOUNCE)


def packs_mark_stale(*, meeting_id: int) -> int:
    """The meeting's packs built (or being built) before a change of what
    they contain are out of date from now; their rebuild is queued for the
    end of the quiet period. One UPDATE; returns the packs marked."""
    now = timezone.now()
    marked = BriefingPack.objects.filter(meeting_id=meeting_id).filter(
        Q(version__gt=0) | Q(status__in=BUSY)
    ).update(stale=True, changed_at=now)
    if marked:
        _queue_rebuild(meeting_id=meeting_id, stamp=now)
    return marked


def _queue_rebuild(*, meeting_id: int, stamp: datetime.datetime) -> None:
    send_on_commit(
        REBUILD_TASK, kwargs={"meeting_id": meeting_id, "stamp": stamp.isoformat()},
        countdown=settings.BRIEFING_REBUILD_DEBOUNCE + MARGIN_SECONDS,
    )


def pack_rebuild_due(pack: BriefingPack) -> bool:
    """Out of date, not being built, and not a rebuild that failed since
    the latest change."""
    if not pack.stale or pack.status in BUSY:
        return False
    if pack.status == PackStatus.FAILED:
        return bool(pack.changed_at and pack.finished_at and pack.finished_at < pack.changed_at)
    return True


def packs_rebuild_due(
    *, meeting_id: int | None = None, stamp: str | None = None,
    now: datetime.datetime | None = None,
) -> list[int]:
    """Queue the rebuild of out-of-date packs whose contents stopped
    changing: with ``meeting_id`` and ``stamp`` (a change's own message)
    the meeting's packs still stamped so; without (beat's sweep) every pack
    quiet for the period. Returns the ids queued."""
    packs = BriefingPack.objects.filter(stale=True).select_related("meeting")
    if meeting_id is not None:
        packs = packs.filter(meeting_id=meeting_id,
                             changed_at=datetime.datetime.fromisoformat(stamp))
    else:
        quiet_since = (now or timezone.now()) - quiet_period()
        packs = packs.filter(Q(changed_at__lte=quiet_since) | Q(changed_at__isnull=True))
    queued, looked_again = [], False
    for pack in packs.order_by("pk"):
        if meeting_id is not None and pack.status in BUSY:
            # Its build may have read the contents before the change: look
            # again once it has had time to finish (one message for all).
            if not looked_again:
                _queue_rebuild(meeting_id=meeting_id, stamp=pack.changed_at)
                looked_again = True
            continue
        if not pack_rebuild_due(pack):
            continue
        pack_request(meeting=pack.meeting, language=pack.language, kind=pack.kind)
        queued.append(pack.pk)
    return queued
