from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DemoData(models.Model):
    """One row when this database holds the demo data (``load_demo`` wrote
    it): every public page then says that its data is illustrative. A
    production database never has one."""

    loaded_at = models.DateTimeField(_("loaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("demo data marker")
        verbose_name_plural = _("demo data markers")

    def __str__(self) -> str:
        return str(_("Demo data loaded on %(date)s") % {"date": self.loaded_at})


class OutboxTask(models.Model):
    """A task that could not be queued because the broker (Redis) was
    unreachable: kept here and sent when the broker answers again
    (almaty_portal/tasking.py), with the task id it was given, so that what
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
        ordering = ("created_at", "pk")
        verbose_name = _("task waiting for the broker")
        verbose_name_plural = _("tasks waiting for the broker")

    def __str__(self) -> str:
        return f"{self.task_name} ({self.task_id})"
