"""Queuing tasks: after the commit, by name, and without losing them when
the broker is away (issue 22).

A service queues its follow-up work with ``send_on_commit("app.task_name",
args=[...])``: the task is looked up by name in the Celery app's registry
and, once the transaction commits, sent with its own ``apply_async``. So a
services module never imports its app's tasks module (the tasks import the
services they call, never the reverse), and what the task declares (its
options, a base class such as archive's ``AfterResponseTask``, eager mode
without Redis) applies as if the service had called ``.delay()`` itself.

Every task the portal queues (``.delay()``, ``.apply_async()``, beat's sends)
goes through ``Celery.send_task``; ``PortalCelery`` (the app of
almaty_portal/celery.py) overrides it, so the apps keep calling their tasks
as Celery documents, and none of them imports almaty_portal.

When the broker (Redis) cannot be reached, the send fails within about a
second (short socket timeouts and one publish retry: settings
``CELERY_BROKER_TRANSPORT_OPTIONS``, ``CELERY_TASK_PUBLISH_RETRY_POLICY``,
``CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS``; for ``RETRY_AFTER`` seconds
after a failure, the process's sends go to the outbox without trying) and,
instead of raising into the request (a 500 after the user's rows were committed: half done), the
task is recorded in the database (``OutboxTask``: name, JSON arguments, task
id, not-before time) and the caller gets its ``AsyncResult`` as usual. The
user's action is complete; its background work (an email, an extraction, a
pack) is late, not lost.

The outbox is sent, oldest first, by ``outbox_send``:
- every minute by beat (``almaty_portal.send_outbox``);
- when a worker becomes ready (``worker_ready``: the broker is back);
- by the next successful send in a web or worker process, at most once every
  ``RECHECK_SECONDS`` (or at once when that process itself recorded one).
Beat's own sends (with their producer) are not kept: a periodic task comes
round again at its next time. A row is deleted once its message is published (at least once: a crash
between the publish and the deletion sends it again, and the portal's tasks
guard their rows against a second run).
"""

from __future__ import annotations

import datetime
import logging
import threading
import time
from collections.abc import Iterable
from typing import Any

from celery import Celery, current_app
from celery.signals import worker_ready
from django.db import DatabaseError, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What a send raises when the broker cannot be reached.
BROKER_ERRORS = (OperationalError, RedisConnectionError, RedisTimeoutError, OSError)
# A send's options other than its id and time (routing, the task's own
# limits) follow from the task's name again when the outbox sends it.
# Options the outbox cannot keep: a send that uses them raises as before.
UNKEPT_OPTIONS = ("link", "link_error", "chain", "chord", "group_id", "connection", "producer")
RECHECK_SECONDS = 30
# After a failed send, this process sends to the outbox directly for so many
# seconds (a broker that does not answer costs a timeout once, not per send).
RETRY_AFTER = 5.0
FLUSH_BATCH = 100

_local = threading.local()
_process = {"checked_at": 0.0, "recorded": False, "broker_down_until": 0.0}


def send_on_commit(name: str, *, args: Iterable[Any] = (), kwargs: dict[str, Any] | None = None,
                   **options: Any) -> None:
    """Queue the task registered as ``name`` once the current transaction
    commits (at once outside one), with ``apply_async(args, kwargs,
    **options)``: a rolled-back write queues nothing, and a worker never
    reads rows that are not committed yet.

    By name, so that the services module that calls this does not import
    its tasks module (which imports the services); through the task's own
    ``apply_async``, so its options and base class apply as with ``.delay()``.
    The task is found now: a name no task has fails inside the transaction,
    which then rolls back, rather than after the user's rows were committed.
    """
    task = task_named(name)
    args = list(args)
    kwargs = dict(kwargs or {})
    transaction.on_commit(lambda: task.apply_async(args, kwargs, **options))


def task_named(name: str):
    """The task registered as ``name`` in the current Celery app. The app
    imports every installed app's ``tasks`` module when a worker starts; a
    web process or a management command has not necessarily done so yet,
    and then it does it now, once (Celery's own autodiscovery)."""
    app = current_app._get_current_object()
    try:
        return app.tasks[name]
    except KeyError:
        app.autodiscover_tasks(force=True)
        return app.tasks[name]


class PortalCelery(Celery):
    """Celery, whose sends outlive a broker outage (see the module's text)."""

    def send_task(self, name, args=None, kwargs=None, **options):
        if getattr(_local, "sending_outbox", False):
            return super().send_task(name, args, kwargs, **options)
        if time.monotonic() < _process["broker_down_until"]:
            # Failed a moment ago: straight to the outbox, no second wait
            # for a timeout in this request.
            recorded = _record(self, name, args, kwargs, options,
                               OperationalError("broker known to be down"))
            if recorded is not None:
                return recorded
        try:
            result = super().send_task(name, args, kwargs, **options)
        except (*BROKER_ERRORS, RuntimeError) as exc:
            if not _is_outage(exc):
                raise
            _process["broker_down_until"] = time.monotonic() + RETRY_AFTER
            recorded = _record(self, name, args, kwargs, options, exc)
            if recorded is None:
                raise
            return recorded
        _maybe_flush(self)
        return result


def _is_outage(exc: BaseException) -> bool:
    """A broker error, or the Redis result backend's RuntimeError ("retry
    limit exceeded") raised from one when it subscribes to the result."""
    if isinstance(exc, RuntimeError):
        return isinstance(exc.__cause__, BROKER_ERRORS)
    return isinstance(exc, BROKER_ERRORS)


def _record(app, name, args, kwargs, options, exc):
    """Keep the send in the outbox; its AsyncResult, or None when it cannot
    be kept (the caller then raises the broker's error)."""
    from .models import OutboxTask

    if options.get("producer") is not None:
        # Beat sends with its own producer: a periodic task comes round
        # again at its next time, and beat logs the failure itself.
        return None
    if any(options.get(option) for option in UNKEPT_OPTIONS):
        logger.error("Task %s could not be queued and cannot wait in the outbox: %r", name, exc)
        return None
    task_id = options.get("task_id")
    eta = options.get("eta")
    countdown = options.get("countdown")
    if isinstance(eta, str):
        eta = datetime.datetime.fromisoformat(eta)
    if eta is None and countdown:
        eta = timezone.now() + datetime.timedelta(seconds=countdown)
    if task_id is None:
        from celery.utils import uuid

        task_id = uuid()
    try:
        OutboxTask.objects.update_or_create(
            task_id=task_id,
            defaults={
                "task_name": name, "args": list(args or ()), "kwargs": dict(kwargs or {}),
                "eta": eta, "last_error": repr(exc)[:2000],
            },
        )
    except (DatabaseError, TypeError, ValueError):
        logger.exception("Task %s could not be queued nor kept in the outbox", name)
        return None
    _process["recorded"] = True
    logger.warning("Broker unavailable (%r): task %s [%s] kept in the outbox", exc, name, task_id)
    result_cls = options.get("result_cls") or app.AsyncResult
    return result_cls(task_id)


def _maybe_flush(app) -> None:
    now = time.monotonic()
    if not _process["recorded"] and now - _process["checked_at"] < RECHECK_SECONDS:
        return
    _process["checked_at"] = now
    _process["recorded"] = False
    try:
        outbox_send(app=app, limit=FLUSH_BATCH)
    except Exception:
        # The send that succeeded must not fail the request because of the
        # outbox; beat sends it in a minute.
        logger.exception("Could not send the task outbox")


def outbox_send(*, app=None, limit: int | None = None) -> int:
    """Send the outbox's tasks, oldest first, until it is empty, ``limit``
    are sent, or the broker fails again. Returns how many were sent."""
    from .models import OutboxTask

    if app is None:
        app = current_app._get_current_object()
    sent = 0
    while limit is None or sent < limit:
        with transaction.atomic():
            row = (
                OutboxTask.objects.select_for_update(skip_locked=True)
                .order_by("created_at", "pk").first()
            )
            if row is None:
                break
            options = {"task_id": row.task_id}
            if row.eta is not None and row.eta > timezone.now():
                options["eta"] = row.eta
            _local.sending_outbox = True
            try:
                app.send_task(row.task_name, row.args, row.kwargs, **options)
            except (*BROKER_ERRORS, RuntimeError) as exc:
                if not _is_outage(exc):
                    raise
                row.attempts += 1
                row.last_error = repr(exc)[:2000]
                row.save(update_fields=["attempts", "last_error"])
                logger.warning("Broker still unavailable (%r): %d tasks wait in the outbox",
                               exc, OutboxTask.objects.count())
                break
            finally:
                _local.sending_outbox = False
            row.delete()
        sent += 1
        logger.info("Sent task %s [%s] from the outbox", row.task_name, row.task_id)
    return sent


def outbox_size() -> int:
    from .models import OutboxTask

    return OutboxTask.objects.count()


@worker_ready.connect
def _send_outbox_when_ready(sender=None, **kwargs) -> None:
    """A worker that starts has just reached the broker: what waited for it
    goes now rather than at beat's next minute."""
    try:
        outbox_send(app=sender.app if sender is not None else None)
    except Exception:
        logger.exception("Could not send the task outbox")
