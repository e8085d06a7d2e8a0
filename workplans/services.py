"""Writes of the work plans. The rules are the models' ``clean()``
(workplans.models): a plan is agreed only by a Senior Officials' Meeting,
an activity's period lies within its plan's year, and no activity is added
to a year already closed. The services run them, under the plan's row lock
where closing a year and adding to it could cross, and save. The briefing
packs that show a plan are told by workplans.signals, whatever wrote it."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from .enums import WorkPlanStatus
from .models import Activity, WorkPlan


def workplan_save(*, plan: WorkPlan) -> WorkPlan:
    """Create or change a plan (its year, status, the meeting that agreed it)."""
    with transaction.atomic():
        if plan.pk is not None:
            WorkPlan.objects.select_for_update().filter(pk=plan.pk).first()
        plan.full_clean()
        plan.save()
    return plan


def workplan_agree(*, plan: WorkPlan, meeting) -> WorkPlan:
    """The Senior Officials' Meeting ``meeting`` agreed the plan."""
    plan.agreed_at = meeting
    plan.status = WorkPlanStatus.AGREED
    return workplan_save(plan=plan)


def workplan_close(*, plan: WorkPlan) -> WorkPlan:
    """The plan's year is over: nothing more is added to it."""
    plan.status = WorkPlanStatus.CLOSED
    return workplan_save(plan=plan)


def activity_save(
    *, activity: Activity, objectives: Iterable | None = None,
    meetings: Iterable | None = None, documents: Iterable | None = None,
) -> Activity:
    """Add or change an activity; the related rows given replace those it
    had (None leaves them as they are). The plan's row is locked first, so
    an activity is never added to a plan being closed at that moment."""
    with transaction.atomic():
        activity.plan = WorkPlan.objects.select_for_update().get(pk=activity.plan_id)
        activity.full_clean()
        activity.save()
        for field, values in (("objectives", objectives), ("meetings", meetings),
                              ("documents", documents)):
            if values is not None:
                getattr(activity, field).set(values)
    return activity
