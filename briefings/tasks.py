"""Background work of briefing packs. The build is idempotent (see
briefings.services): acknowledged late and redelivered when its worker is
lost, so a pack never stays "running" because a worker died; a database
that is unreachable is retried with backoff.

Without Redis (tasks eager) a build runs after the response in the
archive's one background thread (archive.tasks.AfterResponseTask), one at a
time with text extraction: the admin's page returns at once and its
progress bar moves, and an eager build never runs beside an extraction
(Celery's "no result.get() inside a task" flag is process-wide). The
automatic rebuild after a quiet period (briefings.freshness) waits on a
timer of the process there, since an eager countdown would run at once."""

from __future__ import annotations

import logging
import threading

from celery import Task, shared_task
from celery.signals import worker_ready
from django.conf import settings
from django.db import OperationalError

from archive.tasks import AfterResponseTask, background_submit

from .freshness import packs_rebuild_due
from .services import pack_build, packs_recover_stale, packs_seconds_until_stale

logger = logging.getLogger(__name__)


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


class _QuietPeriodTask(Task):
    """Through a broker, a countdown is Celery's own. Eager (no Redis), Celery
    would run the task at once, in the request that changed the pack: here
    a timer of this process waits for the countdown instead, then runs the
    task in the archive's background thread; a later call for the same
    meeting replaces the waiting one (the debounce). Timers die with the
    process: the next change of the meeting starts another (there is no
    beat without Redis). With nothing in the background (tests) a countdown
    runs nothing: tests call the task."""

    _timers: dict = {}
    _timers_lock = threading.Lock()

    def apply_async(self, args=None, kwargs=None, **options):
        countdown = options.get("countdown")
        if not (self.app.conf.task_always_eager and countdown):
            return super().apply_async(args, kwargs, **options)
        if not settings.ARCHIVE_EXTRACTION_IN_BACKGROUND:
            logger.debug("%s%s not run: eager, and nothing runs in the background",
                         self.name, kwargs)
            return None
        key = (self.name, (kwargs or {}).get("meeting_id"))
        timer = threading.Timer(countdown, background_submit,
                                args=(self._run_waited, key, args or (), kwargs or {}))
        timer.daemon = True
        with self._timers_lock:
            earlier = self._timers.pop(key, None)
            if earlier is not None:
                earlier.cancel()
            self._timers[key] = timer
        timer.start()
        return None

    def _run_waited(self, key, args, kwargs):
        with self._timers_lock:
            if self._timers.get(key) is not None and not self._timers[key].is_alive():
                del self._timers[key]
        return self.apply(args, kwargs).result


@shared_task(name="briefings.rebuild_stale_packs", base=_QuietPeriodTask, acks_late=True)
def rebuild_stale_packs(meeting_id: int | None = None, stamp: str | None = None) -> list[int]:
    """Out-of-date packs whose contents stopped changing are built again:
    a change's own message (``meeting_id`` and its ``stamp``, after the
    quiet period), or beat's sweep (no arguments). Idempotent: a pack
    already queued is left to its build."""
    return packs_rebuild_due(meeting_id=meeting_id, stamp=stamp)
