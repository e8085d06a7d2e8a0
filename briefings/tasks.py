"""Background work of briefing packs. The build is idempotent (see
briefings.services): acknowledged late and redelivered when its worker is
lost, so a pack never stays "running" because a worker died; a database
that is unreachable is retried with backoff.

Without Redis (tasks eager) a build runs after the response in the
archive's one background thread (archive.tasks.AfterResponseTask), one at a
time with text extraction: the admin's page returns at once and its
progress bar moves, and an eager build never runs beside an extraction
(Celery's "no result.get() inside a task" flag is process-wide)."""

from __future__ import annotations

from celery import shared_task
from celery.signals import worker_ready
from django.db import OperationalError

from archive.tasks import AfterResponseTask

from .services import pack_build, packs_recover_stale, packs_seconds_until_stale


@shared_task(
    name="briefings.build_pack", bind=True, base=AfterResponseTask,
    acks_late=True, reject_on_worker_lost=True,
    autoretry_for=(OperationalError,), retry_backoff=True, retry_backoff_max=300,
    max_retries=5,
)
def build_pack(self, pack_id: int, run_id: str | None = None) -> str:
    """``run_id``: the id the pack was queued with (a message for an
    earlier request, or a duplicate, then does nothing)."""
    pack = pack_build(pack_id=pack_id, run_id=run_id or self.request.id)
    return pack.status if pack is not None else "skipped"


@shared_task(name="briefings.recover_stale_packs", bind=True, acks_late=True)
def recover_stale_packs(self, follow: bool = False) -> list[int]:
    """Periodic (beat) and at worker start: builds whose worker died are
    queued again or failed with the reason.

    ``follow`` (at worker start): a build left "running" by a worker killed
    a moment ago still has a recent heartbeat; check again when the first
    running pack would go stale, until none is running. A build that is
    alive keeps beating and is left alone; a dead one resumes within
    STALE_AFTER (briefings.services) of its last heartbeat, not at beat's
    next sweep."""
    queued = packs_recover_stale()
    if follow and not self.request.is_eager:  # eager, a countdown would run at once
        wait = packs_seconds_until_stale()
        if wait is not None:
            recover_stale_packs.apply_async(kwargs={"follow": True}, countdown=wait + 1)
    return queued


@worker_ready.connect
def _recover_when_a_worker_starts(sender=None, **kwargs):
    recover_stale_packs.apply_async(kwargs={"follow": True})
