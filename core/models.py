"""Models every app may build on; core's own tables live here too.

``TimeStampedModel`` is the audit pair (when a row was created, when it was
last saved) that several apps had declared field by field. It is abstract: it
adds no table, and a model that inherits it gets exactly the two columns it
had before.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """``created_at`` set once on insert, ``updated_at`` on every save."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class OutboxTask(models.Model):
    """A task that could not be queued because the broker (Redis) was
    unreachable: kept here and sent when the broker answers again
    (core/tasking.py), with the task id it was given, so that what
    waits for it (a briefing pack's row) still recognises it."""

    task_name = models.CharField(_("task"), max_length=200)
    task_id = models.CharField(_("task id"), max_length=255, unique=True)
    args = models.JSONField(_("positional arguments"), default=list)
    kwargs = models.JSONField(_("keyword arguments"), default=dict)
    eta = models.DateTimeField(_("not before"), null=True, blank=True)
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("attempts to send"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        # Moved from the site package (almaty_portal) with its rows: the
        # table was renamed by core's first migration.
        ordering = ("created_at", "pk")
        verbose_name = _("task waiting for the broker")
        verbose_name_plural = _("tasks waiting for the broker")

    def __str__(self) -> str:
        return f"{self.task_name} ({self.task_id})"
