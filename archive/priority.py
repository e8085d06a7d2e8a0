"""CPU priority of background work.

Here, in the archive, because its background thread (extraction and
indexing without Redis) is the first user; the Celery wiring
(almaty_portal/celery.py) uses it for every worker process, since apps never
import almaty_portal.

Extraction, indexing and briefing packs are CPU-bound Python; on a small
server they share the cores with the web workers. Run at a lower priority
(``settings.BACKGROUND_NICENESS``, nice 10 by default) they take whatever
the web leaves idle and give it back as soon as visitors arrive, instead of
halving the web's share of the CPU while an archive import runs.

Linux keeps a nice level per thread: called in a thread, this lowers that
thread only (the archive's background thread of a web process without
Redis); called in a Celery worker process at start, the whole process.
"""

from __future__ import annotations

import contextlib
import os
import threading

from django.conf import settings


def lower_cpu_priority(niceness: int | None = None) -> int:
    """Set the calling thread's nice level to ``niceness`` (the setting by
    default) unless it is already lower in priority; returns the level now
    in force. Never raises: a platform without nice levels just runs on."""
    wanted = settings.BACKGROUND_NICENESS if niceness is None else niceness
    thread = threading.get_native_id()
    with contextlib.suppress(AttributeError, OSError):
        current = os.getpriority(os.PRIO_PROCESS, thread)
        if wanted > current:
            os.setpriority(os.PRIO_PROCESS, thread, wanted)
        return os.getpriority(os.PRIO_PROCESS, thread)
    return 0
